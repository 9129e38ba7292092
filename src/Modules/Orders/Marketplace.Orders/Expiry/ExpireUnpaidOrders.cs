using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Payments;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Expiry;

/// <summary>Cancels the card orders still unpaid at <see cref="Now"/> past their time; answers how many were cancelled.</summary>
internal sealed record ExpireUnpaidOrders(DateTimeOffset Now, int BatchSize = 200) : IRequest<int>;

/// <summary>
/// Each expired order: its payment is stopped at the gateway first (so it cannot be paid after), then the order is
/// cancelled; Catalogue releases its stock when it hears of the cancellation. An order paid at the last moment is
/// left to its webhook; one that fails is tried again on the next run.
/// </summary>
internal sealed class ExpireUnpaidOrdersHandler(IOrdersStore store, CardPayments payments, ILogger<ExpireUnpaidOrdersHandler> logger)
    : IRequestHandler<ExpireUnpaidOrders, int>
{
    public async Task<int> Handle(ExpireUnpaidOrders cmd, CancellationToken ct)
    {
        IReadOnlyList<Order> due;
        await using (var session = store.QuerySession())
            due = await session.Query<Order>()
                .Where(o => o.Status == OrderStatus.PendingPayment && o.PaymentDueBy != null && o.PaymentDueBy <= cmd.Now)
                .OrderBy(o => o.PaymentDueBy).Take(cmd.BatchSize).ToListAsync(ct);
        var cancelled = 0;
        foreach (var order in due)
        {
            try
            {
                if (!await payments.StopPaymentAsync(order, ct)) continue;
                var after = await store.UpdateAsync(order.Id, o => o.Expire(cmd.Now), ct);
                if (after.Status == OrderStatus.Cancelled) cancelled++;
            }
            catch (Exception e) when (e is DomainRuleViolated or DependencyUnavailable || e.IsConcurrencyConflict())
            {
                logger.LogWarning(e, "Order {Number} could not be expired now; the next run tries again", order.Number);
            }
        }
        return cancelled;
    }
}
