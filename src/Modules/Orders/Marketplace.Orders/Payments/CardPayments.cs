using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Payments;

/// <summary>The steps of a card payment that talk to the gateway, each safe to repeat (idempotency keys per order).</summary>
internal sealed class CardPayments(IOrdersStore store, IPaymentGateway gateway, TimeProvider clock, ILogger<CardPayments> logger)
{
    public static string PaymentKey(Guid orderId) => $"order-{orderId:N}-payment";
    public static string RefundKey(Guid orderId) => $"order-{orderId:N}-refund";

    /// <summary>A card order waiting for its payment has a payment request (a PaymentIntent) with a client secret.</summary>
    public async Task<Order> EnsureRequestedAsync(Order order, CancellationToken ct)
    {
        if (order.Method != PaymentMethod.Card || order.Status != OrderStatus.PendingPayment || order.Payment.Reference is not null)
            return order;
        var request = await gateway.RequestPaymentAsync(order.Id, order.Number, order.Total, PaymentKey(order.Id), ct);
        return await store.UpdateAsync(order.Id, o => o.RequestPayment(gateway.Name, request.Reference, request.ClientSecret,
            clock.GetUtcNow()), ct);
    }

    /// <summary>Before an unpaid card order is cancelled, its payment is made impossible. False: it was paid meanwhile.</summary>
    public async Task<bool> StopPaymentAsync(Order order, CancellationToken ct) =>
        order.Method != PaymentMethod.Card || order.Payment.Reference is null
        || await gateway.CancelPaymentAsync(order.Payment.Reference, ct);

    /// <summary>Money received for a cancelled order goes back, once (the refund's idempotency key is the order's).</summary>
    public async Task<Order> RefundIfDueAsync(Order order, CancellationToken ct)
    {
        if (!order.Payment.RefundDue || order.Payment.Reference is null || order.Payment.AmountReceived is null) return order;
        var refund = await gateway.RefundAsync(order.Payment.Reference, order.Payment.AmountReceived, order.Id, RefundKey(order.Id), ct);
        return await store.UpdateAsync(order.Id, o => o.RecordRefund(gateway.Name, refund, clock.GetUtcNow()), ct);
    }

    /// <summary>
    /// As <see cref="RefundIfDueAsync"/>, but a gateway that is down leaves the order refund_pending (the cancellation
    /// stands) for the refunds job (<see cref="IssueDueRefundsJob"/>) to complete.
    /// </summary>
    public async Task<Order> TryRefundIfDueAsync(Order order, CancellationToken ct)
    {
        try
        {
            return await RefundIfDueAsync(order, ct);
        }
        catch (DependencyUnavailable)
        {
            logger.LogWarning("The refund of order {Number} could not be issued now; the refunds job tries again", order.Number);
            return order;
        }
    }
}
