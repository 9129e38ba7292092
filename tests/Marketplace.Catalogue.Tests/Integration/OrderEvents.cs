using Marketplace.Orders.Contracts;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>The Orders module's integration events, as its outbox publishes them.</summary>
internal static class OrderEvents
{
    public static SubOrderInfo SubOrder(Guid cooperativeId, params (Guid ProductId, int Quantity)[] lines) =>
        new(Guid.CreateVersion7(), cooperativeId,
            lines.Select(l => new OrderLineInfo(l.ProductId, "SKU", "honey", l.Quantity, 10m, 10m * l.Quantity)).ToList(),
            lines.Sum(l => 10m * l.Quantity), 0m);

    public static OrderPlacedIntegrationEvent Placed(Guid orderId, params SubOrderInfo[] subOrders) =>
        new(Guid.CreateVersion7(), orderId, $"SM-{orderId.ToString()[..6]}", Guid.CreateVersion7(), "cash_on_delivery", subOrders,
            subOrders.Sum(s => s.Subtotal), "MAD", DateTimeOffset.UtcNow);

    public static SubOrdersCancelledIntegrationEvent Cancelled(Guid orderId, params SubOrderInfo[] subOrders) =>
        new(Guid.CreateVersion7(), orderId, $"SM-{orderId.ToString()[..6]}", subOrders, "shopper_cancelled", DateTimeOffset.UtcNow);
}
