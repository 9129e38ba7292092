using Hangfire;
using Marketplace.Orders.Domain;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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

/// <summary>Registers the recurring job at start (Hangfire's storage is shared: every node registers the same id).</summary>
internal sealed class OrdersJobsStartup(IServiceProvider services, IOptions<OrdersOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var jobs = services.GetService<IRecurringJobManager>();
        jobs?.AddOrUpdate<ExpireUnpaidOrdersJob>(ExpireUnpaidOrdersJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.ExpiryCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
