using System.Security.Cryptography;
using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Tourism.Contracts;

namespace Marketplace.Orders.Domain;

internal sealed record CartLine(Guid ProductId, int Quantity);

/// <summary>A cart's booking: a slot and how many take part (<paramref name="Children"/> of them children), alone on it when <paramref name="Private"/>.</summary>
internal sealed record CartBooking(Guid SlotId, int Participants, int Children = 0, bool Private = false);

/// <summary>
/// Placing an order, as a pure decision: prices frozen from the catalogue's answer, one sub-order per cooperative
/// (in the order the cart first names them), each with its delivery fee: the cooperative's flat fee, waived when
/// the sub-order's items reach its threshold.
/// </summary>
internal static class Checkout
{
    public static OrderPlaced Place(Guid orderId, string number, Guid shopperId, PaymentMethod method, IReadOnlyList<CartLine> cart,
        IReadOnlyList<CheckoutProduct> products, IReadOnlyList<ShippingPolicy> policies, ShippingAddress address, string requestHash,
        DateTimeOffset now, TimeSpan paymentTimeout, IReadOnlyList<CartBooking>? bookings = null, IReadOnlyList<CheckoutSlot>? slots = null)
    {
        var byId = products.ToDictionary(p => p.ProductId);
        var slotById = (slots ?? []).ToDictionary(s => s.SlotId);
        var missing = cart.Where(l => !byId.ContainsKey(l.ProductId)).Select(l => l.ProductId)
            .Concat((bookings ?? []).Where(b => !slotById.ContainsKey(b.SlotId)).Select(b => b.SlotId)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"No product or slot answer for {string.Join(", ", missing)}.");
        var currency = products.Select(p => p.Currency).Concat(slotById.Values.Select(s => s.Currency)).Distinct().ToList();
        if (currency.Count != 1 || currency[0] != Money.DefaultCurrency)
            throw new DomainRuleViolated("currency", $"Orders are in {Money.DefaultCurrency} only.");

        var lines = cart.Select(l => (byId[l.ProductId].CooperativeId, Line: Line(byId[l.ProductId], l.Quantity)))
            .Concat((bookings ?? []).Select(b => (slotById[b.SlotId].CooperativeId, Line: Booking(slotById[b.SlotId], b))));
        var subOrders = lines.GroupBy(l => l.CooperativeId).Select(group =>
        {
            var subLines = group.Select(l => l.Line).ToList();
            var subtotal = Money.Sum(subLines.Select(l => l.LineTotal));
            var goods = subLines.Where(l => l.Booking is null).ToList(); // bookings are not delivered: no delivery fee for them
            var shipping = goods.Count == 0 ? Money.Zero(subtotal.Currency)
                : Fee(policies.FirstOrDefault(p => p.CooperativeId == group.Key), Money.Sum(goods.Select(l => l.LineTotal)));
            return new PlacedSubOrder(SubOrderId(orderId, group.Key), group.Key, subLines, subtotal, shipping);
        }).ToList();

        var items = Money.Sum(subOrders.Select(s => s.Subtotal));
        var shippingTotal = Money.Sum(subOrders.Select(s => s.Shipping));
        return new OrderPlaced(orderId, number, shopperId, method, subOrders, items, shippingTotal, items + shippingTotal, address,
            requestHash, now, method == PaymentMethod.Card ? now + paymentTimeout : null);
    }

    public static Money Fee(ShippingPolicy? policy, Money subtotal)
    {
        if (policy is null) return Money.Zero(subtotal.Currency);
        if (policy.FreeAbove is { } threshold && subtotal.Amount >= threshold) return Money.Zero(subtotal.Currency);
        return new Money(policy.FlatFee, policy.Currency);
    }

    private static OrderLine Line(CheckoutProduct p, int quantity)
    {
        var unitPrice = new Money(p.UnitPrice, p.Currency);
        return new OrderLine(p.ProductId, p.Sku, p.Category, p.Name, p.Unit, quantity, unitPrice, unitPrice * quantity);
    }

    /// <summary>
    /// A booking's line: the slot as its product, the participants as its quantity, the price per person frozen; its total
    /// counts children at the child price and lifts a private group to the experience's minimum.
    /// </summary>
    private static OrderLine Booking(CheckoutSlot s, CartBooking b)
    {
        var total = BookingPrice.Of(s.PricePerPerson, s.ChildPrice, s.PrivateGroupMinimum, b.Participants, b.Children, b.Private);
        return new OrderLine(s.SlotId, BookingSku(s.SlotId), BookingCategory, s.Title, "person", b.Participants, new Money(s.PricePerPerson, s.Currency),
            new Money(total, s.Currency), new BookedSlot(s.ExperienceId, s.StartsAt, s.MeetingPoint, s.Cancellation, b.Children, b.Private,
                s.Status == SlotStatuses.OnRequest));
    }

    public static string BookingSku(Guid slotId) => $"SLOT-{slotId.ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>The catalogue's category of visits and stays, for commission and reports.</summary>
    public const string BookingCategory = "solidarity-tourism";

    /// <summary>An order's id follows from the shopper and their Idempotency-Key: a retry finds the same order.</summary>
    public static Guid OrderId(Guid shopperId, string idempotencyKey) => NameGuid($"order:{shopperId:N}:{idempotencyKey}");

    public static Guid SubOrderId(Guid orderId, Guid cooperativeId) => NameGuid($"sub-order:{orderId:N}:{cooperativeId:N}");

    public static Guid NameGuid(string name) => NameGuids.Of(name);

    public static string Hash(string canonical) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
