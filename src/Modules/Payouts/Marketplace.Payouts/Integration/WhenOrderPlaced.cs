using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.CommissionRules;
using Marketplace.Payouts.Domain.Sales;
using MediatR;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts.Integration;

/// <summary>An order was placed: its lines are frozen with the commission rates in force when it was placed.</summary>
internal sealed class WhenOrderPlaced(IPayoutsStore store, TimeProvider clock, IOptions<PayoutsOptions> options)
    : INotificationHandler<OrderPlacedIntegrationEvent>
{
    public Task Handle(OrderPlacedIntegrationEvent e, CancellationToken ct) => store.ProcessOnceAsync(e.EventId, clock, async session =>
    {
        if (await session.LoadAsync<Sale>(e.OrderId, ct) is not null) return;
        var schedule = await session.LoadAsync<CommissionSchedule>(CommissionSchedule.StreamId, ct) ?? new CommissionSchedule();
        var rates = schedule.At(e.PlacedAt, options.Value.DefaultCommissionRate);
        session.Events.StartStream<Sale>(e.OrderId, Sale.Record(e, rates));
    }, ct);
}
