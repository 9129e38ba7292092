using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;

namespace Marketplace.Orders.Features;

/// <summary>An order as API.md answers it; names of products in the asked language.</summary>
internal sealed record OrderView(Guid Id, string Number, OrderStatus Status, DateTimeOffset PlacedAt, Money ItemsTotal, Money ShippingTotal,
    Money Total, IReadOnlyList<SubOrderView> SubOrders, PaymentView Payment, ShippingAddress? ShippingAddress, Guid ShopperId,
    string? CancelReason)
{
    public static OrderView Of(Order o, string language) => new(o.Id, o.Number, o.Status, o.PlacedAt, o.ItemsTotal, o.ShippingTotal,
        o.Total, o.SubOrders.Select(s => SubOrderView.Of(s, language)).ToList(), PaymentView.Of(o), o.Address, o.ShopperId,
        o.CancelReason);
}

internal sealed record SubOrderView(Guid Id, Guid CooperativeId, SubOrderStatus Status, IReadOnlyList<LineView> Lines, Money Subtotal,
    Money Shipping, Money Total, string? Carrier, string? TrackingNumber, Money? CashCollected, string? CancelReason, string? CancelNote)
{
    public static SubOrderView Of(SubOrder s, string language) => new(s.Id, s.CooperativeId, s.Status,
        s.Lines.Select(l => LineView.Of(l, s, language)).ToList(), s.Subtotal, s.Shipping, s.Total, s.Carrier, s.TrackingNumber,
        s.CashCollected, s.CancelReason, s.CancelNote);
}

/// <param name="Booking">what a booking line books, and what became of it; null for a product.</param>
internal sealed record LineView(Guid ProductId, string Sku, string Name, string Unit, int Quantity, Money UnitPrice, Money LineTotal,
    BookingView? Booking = null)
{
    public static LineView Of(OrderLine l, SubOrder s, string language) =>
        new(l.ProductId, l.Sku, PickName(l.Name, language), l.Unit, l.Quantity, l.UnitPrice, l.LineTotal,
            l.Booking is { } b ? BookingView.Of(b, s.CancelledBooking(l.ProductId), s) : null);

    public static string PickName(IReadOnlyDictionary<string, string> name, string language) =>
        new[] { language, "fr", "ar", "en", "zgh" }.Select(k => name.TryGetValue(k, out var v) ? v : null)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? name.Values.FirstOrDefault() ?? "";
}

/// <param name="Status">booked; requested (a date on request the cooperative has not confirmed yet); cancelled (refunded, or without payment to give back); given_up (the shopper cancelled after the
/// free cancellation: the cooperative keeps its price); done (the visit took place).</param>
/// <param name="FreeCancellationUntil">until then the shopper cancels with a full refund.</param>
/// <param name="CancelledBy">shopper or cooperative.</param>
internal sealed record BookingView(Guid ExperienceId, DateTimeOffset StartsAt, string MeetingPoint, string Cancellation,
    DateTimeOffset FreeCancellationUntil, string Status, string? CancelledBy, string? CancelNote, Money? Refund)
{
    public static BookingView Of(BookedSlot b, CancelledBooking? cancelled, SubOrder s) => new(b.ExperienceId, b.StartsAt, b.MeetingPoint,
        b.Cancellation, BookingCancellations.FreeUntil(b),
        cancelled is { Kept: true } ? "given_up" : cancelled is not null || s.Status == SubOrderStatus.Cancelled ? "cancelled"
            : s.Status == SubOrderStatus.Delivered ? "done" : b.OnRequest && s.Status == SubOrderStatus.Placed ? "requested" : "booked",
        cancelled?.By ?? (s.Status == SubOrderStatus.Cancelled ? s.CancelReason : null), cancelled?.Reason ?? s.CancelNote, cancelled?.Refund);
}

/// <param name="ClientSecret">for the shopper's browser to pay by card, while the order waits for its payment.</param>
/// <param name="Refunded">what went back to the card so far.</param>
/// <param name="CheckoutUrl">the provider's hosted payment page of the open attempt (hosted flow), while the order waits for its payment.</param>
internal sealed record PaymentView(PaymentMethod Method, PaymentStatus Status, string? ClientSecret, DateTimeOffset? PayBefore,
    string? LastFailure, Money? Refunded, string? CheckoutUrl)
{
    public static PaymentView Of(Order o) => new(o.Method, o.Payment.Status,
        o.Status == OrderStatus.PendingPayment ? o.Payment.ClientSecret : null,
        o.Status == OrderStatus.PendingPayment ? o.PaymentDueBy : null, o.Payment.LastFailure, o.Payment.AmountRefunded,
        o.Status == OrderStatus.PendingPayment ? o.Payment.CheckoutUrl : null);
}

/// <summary>A cooperative's part of an order, as its staff see it.</summary>
internal sealed record CooperativeSubOrderView(Guid Id, Guid OrderId, string OrderNumber, Guid CooperativeId, SubOrderStatus Status,
    DateTimeOffset PlacedAt, PaymentMethod PaymentMethod, IReadOnlyList<LineView> Lines, Money Subtotal, Money Shipping, Money Total,
    ShippingAddress? ShippingAddress, string? Carrier, string? TrackingNumber, Money? CashCollected, string? CancelReason)
{
    public static CooperativeSubOrderView Of(Order o, SubOrder s, string language) => new(s.Id, o.Id, o.Number, s.CooperativeId, s.Status,
        o.PlacedAt, o.Method, s.Lines.Select(l => LineView.Of(l, s, language)).ToList(), s.Subtotal, s.Shipping, s.Total, o.Address,
        s.Carrier, s.TrackingNumber, s.CashCollected, s.CancelReason);
}
