using Hangfire;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Features.Runs;
using Marketplace.Payouts.Stripe;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts.Jobs;

/// <summary>Background work of the module, enqueued after commit.</summary>
internal interface IPayoutJobs
{
    void PayByStripe(Guid payoutId);
}

internal sealed class HangfirePayoutJobs(IBackgroundJobClient jobs) : IPayoutJobs
{
    public void PayByStripe(Guid payoutId) => jobs.Enqueue<StripeTransferJob>(job => job.RunAsync(payoutId, CancellationToken.None));
}

/// <summary>The weekly payout run (recurring "payouts.weekly-run"): the period that ended yesterday, local time. Public: Hangfire calls it.</summary>
public sealed class WeeklyPayoutJob
{
    public const string Id = "payouts.weekly-run";
    private readonly IMediator mediator;
    private readonly TimeProvider clock;
    private readonly LocalCalendar calendar;

    internal WeeklyPayoutJob(IMediator mediator, TimeProvider clock, LocalCalendar calendar)
    {
        this.mediator = mediator;
        this.clock = clock;
        this.calendar = calendar;
    }

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)] // idempotent: a retry pays only the cooperatives not yet paid for the period
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new RunPayouts(calendar.Today(clock.GetUtcNow()).AddDays(-1)), ct);
        return result.Payouts.Count;
    }
}

/// <summary>Registers the weekly run at start (Hangfire's storage is shared: every node registers the same id).</summary>
internal sealed class PayoutJobsStartup(IServiceProvider services, IOptions<PayoutsOptions> options, LocalCalendar calendar) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var jobs = services.GetService<IRecurringJobManager>();
        jobs?.AddOrUpdate<WeeklyPayoutJob>(WeeklyPayoutJob.Id, job => job.RunAsync(CancellationToken.None),
            options.Value.WeeklyRunCron, new RecurringJobOptions { TimeZone = calendar.Zone });
        jobs?.AddOrUpdate<ReleaseCardSalesJob>(ReleaseCardSalesJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.CardReleaseCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
