using Hangfire;
using MediatR;

namespace Marketplace.Orders.Expiry;

/// <summary>The Hangfire job (recurring "orders.expire-unpaid", every minute by default). Public: Hangfire calls it.</summary>
public sealed class ExpireUnpaidOrdersJob
{
    public const string Id = "orders.expire-unpaid";
    private readonly IMediator mediator;
    private readonly TimeProvider clock;

    public ExpireUnpaidOrdersJob(IMediator mediator, TimeProvider clock)
    {
        this.mediator = mediator;
        this.clock = clock;
    }

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)] // the next run comes within a minute
    public Task<int> RunAsync(CancellationToken ct) => mediator.Send(new ExpireUnpaidOrders(clock.GetUtcNow()), ct);
}
