using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Host.Pages.Shop;

/// <summary>
/// /checkout (signed in): the delivery address and the payment method, then one order through the Orders module. The
/// form carries the cart's lines as shown and an idempotency key of its own, so a double submit makes one order.
/// Refusals (stock, products no longer on sale) are shown beside the lines; nothing is ordered then.
/// </summary>
[Authorize(Policy = Identity.Policies.SignedIn), EnableRateLimiting(Identity.RateLimits.Checkout)]
public sealed class CheckoutModel(IMediator mediator, CartCookie cookie, Texts texts) : PageModel
{
    public const string CashOnDelivery = "cash_on_delivery";
    public const string Card = "card";

    [BindProperty] public ShippingAddressForm ShippingAddress { get; set; } = new();
    [BindProperty] public string PaymentMethod { get; set; } = CashOnDelivery;
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    [BindProperty] public List<OrderLineRequest> Lines { get; set; } = [];

    public PricedCart Cart { get; private set; } = null!;
    public CheckoutOptions Options { get; private set; } = null!;
    public string? Problem { get; private set; }
    public IReadOnlyDictionary<Guid, string> Refusals { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cart = cookie.Read(HttpContext);
        Cart = await PricedCart.BuildAsync(mediator, cart, PageLanguage.Current, ct);
        if (Cart.HasProblems) return Redirect("/cart");
        Lines = cart.Lines.Select(l => new OrderLineRequest(l.ProductId, l.Quantity, l.Booking ? l.ProductId : null,
            l.Booking ? l.Children : null, l.Booking && l.Private ? true : null)).ToList();
        IdempotencyKey = NewKey();
        ShippingAddress.FullName = User.Identity?.Name;
        Options = await mediator.Send(new GetCheckoutOptions(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await mediator.Send(new GetCheckoutOptions(), ct);
        Cart = await PricedCart.BuildAsync(mediator, new Cart(Lines.Select(l => new CartLine(l.SlotId ?? l.ProductId, l.Quantity, l.SlotId is not null,
            Math.Clamp(l.Children ?? 0, 0, l.Quantity), l.PrivateGroup == true))),
            PageLanguage.Current, ct);
        if (Lines.Count == 0 || string.IsNullOrWhiteSpace(IdempotencyKey)) return Redirect("/cart");
        ModelState.Clear(); // the Orders module judges the input; its refusals are shown below in the visitor's words
        try
        {
            var placed = await mediator.Send(new PlaceShopperOrder(User.UserId(), IdempotencyKey, Lines, ShippingAddress.ToInput(), PaymentMethod,
                PageLanguage.Current), ct);
            var cart = cookie.Read(HttpContext);
            foreach (var line in Lines) cart.Remove(line.SlotId ?? line.ProductId);
            cookie.Write(HttpContext, cart);
            TempData["order.placed"] = placed.Order.Number;
            // A card order goes to the provider's payment page, which sends the shopper back to the order's page.
            return Redirect(placed.Order.CheckoutUrl ?? $"/orders/{placed.Order.Id}");
        }
        catch (ValidationFailed failed) { ShowFieldErrors(failed); }
        catch (DomainRuleViolated refused) when (refused.Details.GetValueOrDefault("products") is IReadOnlyList<RefusedProduct> products)
        {
            Problem = texts[refused.Code == "insufficient_stock" ? "shop.checkout.refused.stock" : "shop.checkout.refused.notonsale"];
            Refusals = products.ToDictionary(p => p.ProductId, p => p.Reason == "insufficient_stock"
                ? texts["shop.checkout.refused.line.stock", p.Requested, p.Available] : texts["shop.checkout.refused.line.notonsale"]);
            IdempotencyKey = NewKey(); // the refused request keeps its key: a corrected one is a new request
        }
        catch (DomainRuleViolated seats) when (seats.Code is "not_enough_seats" or "booking_closed")
        {
            Problem = texts["shop.checkout.refused.seats"];
            IdempotencyKey = NewKey();
        }
        catch (DomainRuleViolated other) { Problem = texts["shop.checkout.refused.other", other.Message]; IdempotencyKey = NewKey(); }
        catch (Unprocessable) { Problem = texts["shop.checkout.changed"]; IdempotencyKey = NewKey(); }
        catch (DependencyUnavailable) { Problem = texts["shop.checkout.retry"]; } // the same key completes the same order
        return Page();
    }

    private void ShowFieldErrors(ValidationFailed failed)
    {
        foreach (var field in failed.Errors.Keys)
        {
            var name = field.Split('.').Last();
            var key = field.StartsWith("ShippingAddress.", StringComparison.OrdinalIgnoreCase)
                ? $"ShippingAddress.{char.ToUpperInvariant(name[0])}{name[1..]}" : field.StartsWith("PaymentMethod", StringComparison.OrdinalIgnoreCase)
                    ? nameof(PaymentMethod) : "";
            var message = key switch
            {
                nameof(PaymentMethod) => texts[Options.CardAvailable ? "shop.checkout.error.payment" : "shop.checkout.card.unavailable"],
                "" => string.Join(" ", failed.Errors[field]),
                _ => texts[$"shop.checkout.error.{char.ToLowerInvariant(name[0])}{name[1..]}"],
            };
            if (ModelState[key]?.Errors.Any(e => e.ErrorMessage == message) != true) ModelState.AddModelError(key, message);
        }
        Problem = texts["form.invalid"];
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}

/// <summary>The delivery address as typed: free text anywhere in Morocco.</summary>
public sealed class ShippingAddressForm
{
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? Line1 { get; set; }
    public string? City { get; set; }
    public string? Province { get; set; }
    public string? PostalCode { get; set; }

    public ShippingAddressInput ToInput() => new(FullName, Phone, Line1, null, City, Province, PostalCode);
}
