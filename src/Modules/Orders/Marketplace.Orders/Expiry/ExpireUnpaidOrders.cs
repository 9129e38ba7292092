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
internal sealed class ExpireUnpaidOrdersHandler(IOrdersStore store, CardPayments payments, IMediator mediator,
    ILogger<ExpireUnpaidOrdersHandler> logger) : IRequestHandler<ExpireUnpaidOrders, int>
{
    public async Task<int> Handle(ExpireUnpaidOrders cmd, CancellationToken ct)
    {
        IReadOnlyList<Order> due;
        await using (var session = store.QuerySession())
            due = await session.Query<Order>()
                .Where(o => o.Status == OrderStatus.PendingPayment && o.PaymentDueBy != null && o.PaymentDueBy <= cmd.Now
                            && (o.ExpiryRetryAt == null || o.ExpiryRetryAt <= cmd.Now))
                .OrderBy(o => o.PaymentDueBy).Take(cmd.BatchSize).ToListAsync(ct);
        var cancelled = 0;
        foreach (var order in due)
        {
            try
            {
                if (await payments.StopPaymentAsync(order, ct) is { } late)
                {
                    if (late.Succeeded) await mediator.Send(RecordPaymentOutcome.Checked(late, order.Id), ct); // paid there: paid here
                    else await DeferAsync(order, $"the payment is {late.Status} at the gateway", cmd.Now, ct);
                    continue;
                }
                var after = await store.UpdateAsync(order.Id, o => o.Expire(cmd.Now), ct);
                if (after.Status == OrderStatus.Cancelled) cancelled++;
            }
            catch (Exception e) when (e is DomainRuleViolated or DependencyUnavailable or PaymentGatewayRefused || e.IsConcurrencyConflict())
            {
                logger.LogWarning(e, "Order {Number} could not be expired now; it is tried again later", order.Number);
                await DeferAsync(order, e.Message, cmd.Now, ct);
            }
        }
        return cancelled;
    }

    /// <summary>The order is looked at again later (sooner the first times), so that it never keeps the others of a run waiting.</summary>
    private Task DeferAsync(Order order, string reason, DateTimeOffset now, CancellationToken ct) =>
        store.UpdateAsync(order.Id, o => o.Status == OrderStatus.PendingPayment
            ? [new ExpiryDeferred(o.Id, reason, now + TimeSpan.FromMinutes(Math.Min(30, 1 << Math.Min(o.ExpiryDeferrals, 5))), now)]
            : [], ct);
}
