using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marten;
using MediatR;

namespace Marketplace.Programme.Fairs;

/// <summary>
/// A cooperative applied with an exhibitor's invitation: the exhibitor is linked to it, so its stand's QR code and the
/// fair's page lead to it once verified. Idempotent: a repeated event, or a second cooperative with the same invitation,
/// changes nothing.
/// </summary>
internal sealed class WhenCooperativeApplied(IProgrammeStore store, TimeProvider clock) : INotificationHandler<CooperativeAppliedIntegrationEvent>
{
    public async Task Handle(CooperativeAppliedIntegrationEvent e, CancellationToken ct)
    {
        if (e.Invitation is not { Length: > 0 } token) return;
        await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var fairId = await session.Query<Fair>().Where(f => f.Exhibitors.Any(x => x.Token == token)).Select(f => f.Id).FirstOrDefaultAsync(ct);
            if (fairId == Guid.Empty) return 0;
            var stream = await session.Events.FetchForWriting<Fair>(fairId, ct);
            var fair = stream.Aggregate!;
            var exhibitor = fair.Exhibitors.First(x => x.Token == token);
            if (ExhibitorDecisions.Join(fair, exhibitor, e.CooperativeId, clock.GetUtcNow()) is not { } joined) return 0;
            stream.AppendOne(joined);
            await session.SaveChangesAsync(ct);
            return 1;
        }, ct);
    }
}
