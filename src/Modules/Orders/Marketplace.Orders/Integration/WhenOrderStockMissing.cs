using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Payments;
using MediatR;

namespace Marketplace.Orders.Integration;

/// <summary>
/// Catalogue could not take a placed order's product from stock: the sub-order that holds it is cancelled ("out_of_stock",
/// shown to the shopper and the cooperative), with a refund of its total when it was paid by card. An unpaid card order is
/// cancelled whole, its payment stopped first (a payment that went through meanwhile is recorded, then refunded with the
/// cancellation). Idempotent: a sub-order cancelled already is not again, a refund is issued once by its key.
/// </summary>
internal sealed class WhenOrderStockMissing(IOrdersStore store, CardPayments payments, IMediator mediator, TimeProvider clock)
    : INotificationHandler<OrderStockMissingIntegrationEvent>
{
    public async Task Handle(OrderStockMissingIntegrationEvent e, CancellationToken ct)
    {
        var order = await store.LoadOrderAsync(e.OrderId, ct) ?? throw new NotFound("The order");
        if (order.Status == OrderStatus.PendingPayment && await payments.StopPaymentAsync(order, ct) is { } late)
        {
            if (!late.Succeeded) throw new DependencyUnavailable($"The payment of order {order.Number} is {late.Status}: tried again later.");
            await mediator.Send(RecordPaymentOutcome.Checked(late, order.Id), ct);
        }
        order = await store.UpdateAsync(e.OrderId, o => o.CancelForMissingStock(e.ProductId, clock.GetUtcNow()), ct);
        await payments.IssueRefundsAsync(order, ct); // at once; the refunds job completes what the gateway does not take now
    }
}
