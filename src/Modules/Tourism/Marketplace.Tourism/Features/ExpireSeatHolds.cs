using Hangfire;
using Marketplace.Orders.Contracts;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Tourism.Features;

/// <summary>Gives back the seats of holds past their time whose order does not exist. Answers how many holds were released.</summary>
internal sealed record ExpireSeatHolds(int Batch = 200) : IRequest<int>;

/// <summary>
/// A hold whose order exists is kept, however late its OrderPlaced is (a receiver failing, a daemon behind): the order's
/// event books its seats. Orders is asked through its Contracts.
/// </summary>
internal sealed class ExpireSeatHoldsHandler(ITourismStore store, IMediator mediator, SeatHolds holds, TimeProvider clock) : IRequestHandler<ExpireSeatHolds, int>
{
    public async Task<int> Handle(ExpireSeatHolds cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
            due = await query.Query<SeatHold>().Where(h => h.Status == SeatHoldStatus.Reserved && h.ExpiresAt <= now)
                .OrderBy(h => h.ExpiresAt).Take(cmd.Batch).Select(h => h.Id).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ordered = (await mediator.Send(new GetExistingOrders(due), ct)).ToHashSet();
        var expired = due.Where(id => !ordered.Contains(id)).ToList();
        foreach (var orderId in expired) await holds.GiveBackAsync(orderId, null, SeatHoldStatus.Expired, "expired", ct);
        return expired.Count;
    }
}

/// <summary>The Hangfire job (a thin shell: Hangfire calls public methods only); two runs at once are safe (each release locks its slots).</summary>
internal sealed class ExpireSeatHoldsJob(IMediator mediator)
{
    public const string Id = "tourism.expire-seat-holds";

    [AutomaticRetry(Attempts = 0)] // it runs again at the next minute anyway
    public Task<int> RunAsync(CancellationToken ct) => mediator.Send(new ExpireSeatHolds(), ct);
}

internal sealed class ExpireSeatHoldsRegistration(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ExpireSeatHoldsJob>(ExpireSeatHoldsJob.Id,
            job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
