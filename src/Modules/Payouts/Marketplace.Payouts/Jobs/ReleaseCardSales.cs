using Hangfire;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using Marten;
using MediatR;

namespace Marketplace.Payouts.Jobs;

/// <summary>
/// Delivered card sales whose hold is over by <see cref="Now"/> become available (each dated when it was due, so that a
/// payout run's cutoff sees it at the right day, however late this runs). Answers how many cooperatives' ledgers moved.
/// </summary>
internal sealed record ReleaseCardSales(DateTimeOffset Now) : IRequest<int>;

internal sealed class ReleaseCardSalesHandler(IPayoutsStore store) : IRequestHandler<ReleaseCardSales, int>
{
    public async Task<int> Handle(ReleaseCardSales cmd, CancellationToken ct)
    {
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
            due = await query.Query<CooperativeLedger>().Where(l => l.NextAvailableAt != null && l.NextAvailableAt <= cmd.Now)
                .Select(l => l.Id).ToListAsync(ct);
        foreach (var cooperativeId in due)
            await Concurrency.RetryOnConflictAsync(async () =>
            {
                await using var session = store.LightweightSession();
                var ledger = await session.DecideAsync(cooperativeId, ledger => ledger.Sales.Keys.ToList()
                    .SelectMany(id => LedgerDecisions.MatureCardSale(ledger, id, cmd.Now)).ToList(), ct);
                await session.SaveChangesAsync(ct);
                return ledger;
            }, ct);
        return due.Count;
    }
}

/// <summary>The Hangfire job (recurring "payouts.release-card-sales"). Public: Hangfire calls it.</summary>
public sealed class ReleaseCardSalesJob
{
    public const string Id = "payouts.release-card-sales";
    private readonly IMediator mediator;
    private readonly TimeProvider clock;

    internal ReleaseCardSalesJob(IMediator mediator, TimeProvider clock) => (this.mediator, this.clock) = (mediator, clock);

    [AutomaticRetry(Attempts = 0)] // the next run comes within minutes; the payout run releases what is due first anyway
    public Task<int> RunAsync(CancellationToken ct) => mediator.Send(new ReleaseCardSales(clock.GetUtcNow()), ct);
}
