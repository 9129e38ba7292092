using Hangfire;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Payments;

/// <summary>Issues the refunds whose time has come (the gateway was down, or money no order keeps); answers how many were issued.</summary>
internal sealed record IssueDueRefunds(int BatchSize = 100) : IRequest<int>;

/// <summary>
/// Each refund carries its own idempotency key, so one issued meanwhile (by the shopper's retry) is not issued twice. A
/// refund that failed waits for its next attempt and one the gateway refused is left to administrators: neither comes back
/// at the head of every run, so they never keep the others waiting.
/// </summary>
internal sealed class IssueDueRefundsHandler(IOrdersStore store, CardPayments payments, TimeProvider clock, ILogger<IssueDueRefundsHandler> logger)
    : IRequestHandler<IssueDueRefunds, int>
{
    public async Task<int> Handle(IssueDueRefunds cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Order> due;
        IReadOnlyList<StrayPayment> strays;
        await using (var session = store.QuerySession())
        {
            due = await session.Query<Order>().Where(o => o.Payment.RefundDue && (o.Payment.NextRefundAt == null || o.Payment.NextRefundAt <= now))
                .OrderBy(o => o.Payment.NextRefundAt).Take(cmd.BatchSize).ToListAsync(ct);
            strays = await session.Query<StrayPayment>().Where(s => s.RefundStatus == RefundStatus.Due && (s.NextAttemptAt == null || s.NextAttemptAt <= now))
                .OrderBy(s => s.ReceivedAt).Take(cmd.BatchSize).ToListAsync(ct);
        }
        var issued = 0;
        foreach (var order in due)
        {
            try
            {
                var after = await payments.IssueRefundsAsync(order, ct);
                issued += after.Payment.Refunds.Count(r => r.Status == RefundStatus.Issued) - order.Payment.Refunds.Count(r => r.Status == RefundStatus.Issued);
            }
            catch (Exception e) when (e.IsConcurrencyConflict())
            {
                logger.LogWarning(e, "The refunds of order {Number} could not be recorded now; the next run tries again", order.Number);
            }
        }
        foreach (var stray in strays)
        {
            await payments.RefundStrayAsync(stray, ct);
            if (stray.RefundStatus == RefundStatus.Issued) issued++;
        }
        return issued;
    }
}

/// <summary>The Hangfire job (recurring "orders.issue-due-refunds", every minute by default). Public: Hangfire calls it.</summary>
public sealed class IssueDueRefundsJob
{
    public const string Id = "orders.issue-due-refunds";
    private readonly IMediator mediator;

    public IssueDueRefundsJob(IMediator mediator) => this.mediator = mediator;

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)] // the next run comes within a minute
    public Task<int> RunAsync(CancellationToken ct) => mediator.Send(new IssueDueRefunds(), ct);
}
