using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>A line of a test order: its category and total (one unit).</summary>
public sealed record TestLine(string Category, decimal Total);

/// <summary>A cooperative's part of a test order: its lines and delivery fee.</summary>
public sealed record TestPart(TestCooperative Cooperative, decimal Shipping, params TestLine[] Lines);

public sealed record TestOrder(OrderPlacedIntegrationEvent Placed)
{
    public Guid Id => Placed.OrderId;
    public string Number => Placed.Number;
    public SubOrderInfo SubOrderOf(TestCooperative cooperative) => Placed.SubOrders.Single(s => s.CooperativeId == cooperative.Id);
}

/// <summary>
/// The Orders module's integration events, published in the test host the way its outbox delivers them (IMediator.Publish
/// in a scope of the host), so that the Payouts receivers run for real on PostgreSQL.
/// </summary>
public sealed class OrdersFeed(PayoutsApp app)
{
    public async Task<TestOrder> PlaceAsync(string paymentMethod, params TestPart[] parts) =>
        await PlaceAtAsync(app.Clock.GetUtcNow(), paymentMethod, parts);

    public async Task<TestOrder> PlaceAtAsync(DateTimeOffset placedAt, string paymentMethod, params TestPart[] parts)
    {
        var subOrders = parts.Select(p => new SubOrderInfo(Guid.CreateVersion7(), p.Cooperative.Id,
            p.Lines.Select(l => new OrderLineInfo(Guid.NewGuid(), $"SKU-{l.Category}", l.Category, 1, l.Total, l.Total)).ToList(),
            p.Lines.Sum(l => l.Total), p.Shipping)).ToList();
        var number = $"SM-2026-{Random.Shared.Next(1, 999_999):D6}";
        var placed = new OrderPlacedIntegrationEvent(Guid.NewGuid(), Guid.CreateVersion7(), number, Guid.NewGuid(), paymentMethod, subOrders,
            subOrders.Sum(s => s.Subtotal + s.Shipping), "MAD", placedAt);
        await PublishAsync(placed);
        return new TestOrder(placed);
    }

    public Task<OrderPaidIntegrationEvent> PayAsync(TestOrder order) => PublishAsync(new OrderPaidIntegrationEvent(Guid.NewGuid(), order.Id,
        order.Number, order.Placed.Total, "MAD", $"pi_{Guid.NewGuid():N}", app.Clock.GetUtcNow()));

    public Task<SubOrderDeliveredIntegrationEvent> DeliverAsync(TestOrder order, TestCooperative cooperative)
    {
        var sub = order.SubOrderOf(cooperative);
        var cash = order.Placed.PaymentMethod == "cash_on_delivery" ? sub.Subtotal + sub.Shipping : (decimal?)null;
        return PublishAsync(new SubOrderDeliveredIntegrationEvent(Guid.NewGuid(), order.Id, order.Number, sub.SubOrderId, cooperative.Id,
            order.Placed.PaymentMethod, cash, "MAD", app.Clock.GetUtcNow()));
    }

    public Task<SubOrdersCancelledIntegrationEvent> CancelAsync(TestOrder order) => PublishAsync(new SubOrdersCancelledIntegrationEvent(
        Guid.NewGuid(), order.Id, order.Number, order.Placed.SubOrders, "shopper_cancelled", app.Clock.GetUtcNow()));

    public Task<RefundIssuedIntegrationEvent> RefundAsync(TestOrder order, decimal amount) => PublishAsync(new RefundIssuedIntegrationEvent(
        Guid.NewGuid(), order.Id, order.Number, amount, "MAD", $"re_{Guid.NewGuid():N}", app.Clock.GetUtcNow()));

    /// <summary>Delivers a message again (the outbox delivers at least once).</summary>
    public async Task<T> PublishAsync<T>(T message) where T : INotification
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(message);
        return message;
    }

    /// <summary>A card order for one cooperative, paid and delivered: its net becomes available.</summary>
    public async Task<TestOrder> DeliveredCardSaleAsync(TestCooperative cooperative, decimal shipping, params TestLine[] lines)
    {
        var order = await PlaceAsync("card", new TestPart(cooperative, shipping, lines));
        await PayAsync(order);
        await DeliverAsync(order, cooperative);
        return order;
    }

    /// <summary>A cash-on-delivery order for one cooperative, delivered: its commission is owed.</summary>
    public async Task<TestOrder> DeliveredCashSaleAsync(TestCooperative cooperative, decimal shipping, params TestLine[] lines)
    {
        var order = await PlaceAsync("cash_on_delivery", new TestPart(cooperative, shipping, lines));
        await DeliverAsync(order, cooperative);
        return order;
    }
}
