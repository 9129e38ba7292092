using Hangfire;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Payments;

/// <summary>Issues the refunds that cancelled orders still owe (the gateway was down when they were cancelled); answers how many.</summary>
internal sealed record IssueDueRefunds(int BatchSize = 100) : IRequest<int>;

/// <summary>Each refund carries the order's idempotency key, so one issued meanwhile (by the shopper's retry) is not issued twice.</summary>
internal sealed class IssueDueRefundsHandler(IOrdersStore store, CardPayments payments, ILogger<IssueDueRefundsHandler> logger)
    : IRequestHandler<IssueDueRefunds, int>
{
    public async Task<int> Handle(IssueDueRefunds cmd, CancellationToken ct)
    {
        IReadOnlyList<Order> due;
        await using (var session = store.QuerySession())
            due = await session.Query<Order>().Where(o => o.Status == OrderStatus.Cancelled && o.Payment.RefundDue)
                .OrderBy(o => o.CancelledAt).Take(cmd.BatchSize).ToListAsync(ct);
        var issued = 0;
        foreach (var order in due)
        {
            try
            {
                if (!(await payments.RefundIfDueAsync(order, ct)).Payment.RefundDue) issued++;
            }
            catch (Exception e) when (e is DependencyUnavailable or DomainRuleViolated || e.IsConcurrencyConflict())
            {
                logger.LogWarning(e, "The refund of order {Number} could not be issued now; the next run tries again", order.Number);
            }
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
