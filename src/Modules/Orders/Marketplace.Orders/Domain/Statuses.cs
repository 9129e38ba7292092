namespace Marketplace.Orders.Domain;

// JSON spells them in snake_case ("cash_on_delivery", "pending_payment"), as API.md does.

internal enum PaymentMethod { Card, CashOnDelivery }

internal enum OrderStatus { PendingPayment, Placed, Paid, PartiallyShipped, Shipped, Delivered, Cancelled }

internal enum SubOrderStatus { Placed, Accepted, Shipped, Delivered, Cancelled }

/// <summary>
/// Card: pending, failed (still payable), paid, refund_pending (the order was cancelled after payment: the refund is
/// being issued), refunded, cancelled. Cash on delivery: pending, collected, cancelled.
/// </summary>
internal enum PaymentStatus { Pending, Failed, Paid, RefundPending, Refunded, Collected, Cancelled }

internal static class Wire
{
    public static string Of(PaymentMethod method) => method == PaymentMethod.Card ? "card" : "cash_on_delivery";

    public static PaymentMethod? ParseMethod(string? method) => method switch
    {
        "card" => PaymentMethod.Card,
        "cash_on_delivery" => PaymentMethod.CashOnDelivery,
        _ => null,
    };
}
