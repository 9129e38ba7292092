using System.Text.Json;
using FluentValidation;
using Marketplace.Orders.Domain;
using MediatR;

namespace Marketplace.Orders.Features;

/// <summary>POST /api/orders: the shopper's cart, where to deliver it, how to pay; keyed by the Idempotency-Key header.</summary>
/// <param name="CardFlow">card orders: "intent" (default: a PaymentIntent's client secret for API clients) or "hosted" (the
/// provider's payment page, for the website).</param>
/// <param name="Language">the shopper's, for the hosted payment page.</param>
internal sealed record PlaceOrder(Guid ShopperId, string? IdempotencyKey, IReadOnlyList<CartLineInput?>? Lines,
    AddressInput? ShippingAddress, string? PaymentMethod, string? CardFlow = null, string Language = "fr") : IRequest<PlaceOrder.Outcome>
{

    /// <param name="Created">this request placed it (201); else an earlier one with the same key did (200).</param>
    internal sealed record Outcome(Order Order, bool Created);

    public const int MaxQuantity = 999;
    public const int MaxLines = 100;
    public const int MaxParticipants = 50;

    public IReadOnlyList<CartLine> Cart() => Lines!.Where(l => l!.ProductId is not null).GroupBy(l => l!.ProductId!.Value)
        .Select(g => new CartLine(g.Key, g.Sum(l => l!.Quantity!.Value))).ToList();

    /// <summary>The cart's bookings (lines {slotId, participants}), one per slot.</summary>
    public IReadOnlyList<CartBooking> Bookings() => Lines!.Where(l => l!.SlotId is not null).GroupBy(l => l!.SlotId!.Value)
        .Select(g => new CartBooking(g.Key, g.Sum(l => l!.Participants!.Value), g.Sum(l => l!.Children ?? 0), g.Any(l => l!.PrivateGroup == true))).ToList();

    public ShippingAddress Destination() => new(ShippingAddress!.FullName!.Trim(), ShippingAddress.Phone!.Trim(),
        ShippingAddress.Line1!.Trim(), Blank(ShippingAddress.Line2), ShippingAddress.City!.Trim(), Blank(ShippingAddress.Province),
        Blank(ShippingAddress.PostalCode));

    public PaymentMethod Method() => Wire.ParseMethod(PaymentMethod)!.Value;

    /// <summary>The flow of a card order (intent unless asked otherwise); null for cash on delivery.</summary>
    public string? Flow() => Method() == Domain.PaymentMethod.Card ? CardFlow ?? Payments.CardFlows.Intent : null;

    /// <summary>What "the same body" means: the lines as sent, the address, the method (and the card flow, when one is asked).</summary>
    public string RequestHash() => Checkout.Hash(CardFlow is null
        ? JsonSerializer.Serialize(new { lines = Lines!.Select(Canonical), address = Destination(), method = PaymentMethod })
        : JsonSerializer.Serialize(new { lines = Lines!.Select(Canonical), address = Destination(), method = PaymentMethod, flow = CardFlow }));

    /// <summary>A product line as it always was ({p, q}), a booking as {s, n}.</summary>
    private static object Canonical(CartLineInput? l) => l!.SlotId is { } slot
        ? new { s = slot, n = l.Participants, c = l.Children ?? 0, g = l.PrivateGroup == true } : new { p = l.ProductId, q = l.Quantity };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

// Top-level (not nested) types: JSON errors name the type, and the Host hides top-level type names only.
/// <summary>A product and its quantity, or a slot (<see cref="SlotId"/>) and its participants.</summary>
/// <param name="Children">how many of the participants are children (priced at the experience's child price).</param>
/// <param name="PrivateGroup">the group books the whole slot for itself (at least the experience's private-group price).</param>
internal sealed record CartLineInput(Guid? ProductId, int? Quantity, Guid? SlotId = null, int? Participants = null, int? Children = null,
    bool? PrivateGroup = null);

internal sealed record AddressInput(string? FullName, string? Phone, string? Line1, string? Line2, string? City, string? Province,
    string? PostalCode);

internal sealed record CheckoutBody(IReadOnlyList<CartLineInput?>? Lines, AddressInput? ShippingAddress, string? PaymentMethod,
    string? CardFlow = null);

internal sealed class PlaceOrderValidator : AbstractValidator<PlaceOrder>
{
    public PlaceOrderValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("The Idempotency-Key header is required (a new random key per order).")
            .MaximumLength(200);
        RuleFor(x => x.Lines).NotEmpty().WithMessage("An order has at least one line.")
            .Must(l => l is null || l.Count <= PlaceOrder.MaxLines).WithMessage($"An order has at most {PlaceOrder.MaxLines} lines.");
        RuleForEach(x => x.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l!.ProductId).NotEmpty().When(l => l!.SlotId is null);
            line.RuleFor(l => l!.Quantity).NotNull().InclusiveBetween(1, PlaceOrder.MaxQuantity).When(l => l!.SlotId is null);
            line.RuleFor(l => l!.SlotId).NotEmpty().When(l => l!.SlotId is not null);
            line.RuleFor(l => l!.ProductId).Null().WithMessage("A line is a product {productId, quantity} or a booking {slotId, participants}, not both.")
                .When(l => l!.SlotId is not null);
            line.RuleFor(l => l!.Participants).NotNull().InclusiveBetween(1, PlaceOrder.MaxParticipants).When(l => l!.SlotId is not null);
            line.RuleFor(l => l!.Children).Must((l, c) => c is null || (l!.SlotId is not null && c >= 0 && c <= (l.Participants ?? 0)))
                .WithMessage("children are some of the participants of a booking (0 to participants).");
            line.RuleFor(l => l!.PrivateGroup).Must((l, g) => g is null || l!.SlotId is not null).WithMessage("privateGroup is for a booking line.");
        });
        RuleFor(x => x.Lines).Must(l => l is null || l.Where(x => x?.ProductId is not null && x.Quantity is not null && x.SlotId is null)
                .GroupBy(x => x!.ProductId).All(g => g.Sum(x => x!.Quantity!.Value) <= PlaceOrder.MaxQuantity))
            .WithMessage($"At most {PlaceOrder.MaxQuantity} of one product.");
        RuleFor(x => x.ShippingAddress).NotNull().WithMessage("A shipping address is required.");
        RuleFor(x => x.ShippingAddress!).ChildRules(a =>
        {
            a.RuleFor(x => x.FullName).NotEmpty().MaximumLength(100).Must(NotBlank).WithMessage("'Full Name' must not be blank.");
            a.RuleFor(x => x.Phone).NotEmpty().Matches(@"^\+?[0-9 ().-]{6,20}$").WithMessage("A phone number: digits, +, spaces.");
            a.RuleFor(x => x.Line1).NotEmpty().MaximumLength(200).Must(NotBlank).WithMessage("'Line1' must not be blank.");
            a.RuleFor(x => x.Line2).MaximumLength(200);
            a.RuleFor(x => x.City).NotEmpty().MaximumLength(100).Must(NotBlank).WithMessage("'City' must not be blank.");
            a.RuleFor(x => x.Province).MaximumLength(100);
            a.RuleFor(x => x.PostalCode).MaximumLength(20);
        }).When(x => x.ShippingAddress is not null);
        RuleFor(x => x.PaymentMethod).NotEmpty().Must(m => m is null || Wire.ParseMethod(m) is not null)
            .WithMessage("paymentMethod is \"card\" or \"cash_on_delivery\".");
        RuleFor(x => x.CardFlow).Must(f => f is null or Payments.CardFlows.Intent or Payments.CardFlows.Hosted)
            .WithMessage("cardFlow is \"intent\" or \"hosted\".");
    }

    private static bool NotBlank(string? s) => s is null || s.Trim().Length > 0;
}
