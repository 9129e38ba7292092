using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks;

/// <summary>An integration event that a receiver has not taken, as administrators see it.</summary>
/// <param name="State">"retrying" (its next attempt is due at <paramref name="NextAttemptAt"/>), "parked" (waits for a replay) or
/// "waiting" (behind an earlier event of its stream for the same receiver).</param>
public sealed record UndeliveredEvent(string Id, string Outbox, string Receiver, string EventType, string Message, Guid StreamId,
    long Sequence, string State, int Attempts, string? Error, DateTimeOffset QueuedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? ParkedAt);

/// <summary>What administrators see of the outboxes: events parked or waiting, and replays.</summary>
public sealed class OutboxAdministration(IEnumerable<RegisteredOutbox> outboxes, IServiceProvider services, OutboxSignals signals,
    TimeProvider clock)
{
    private const int PerOutbox = 1_000;

    /// <summary>Every undelivered event, parked first, then oldest first.</summary>
    public async Task<IReadOnlyList<UndeliveredEvent>> ListAsync(CancellationToken ct)
    {
        var all = new List<UndeliveredEvent>();
        foreach (var outbox in outboxes)
        {
            await using var session = Store(outbox).QuerySession();
            var deliveries = await session.Query<OutboxDelivery>().Where(d => d.Outbox == outbox.Name)
                .OrderBy(d => d.Sequence).ThenBy(d => d.Index).Take(PerOutbox).ToListAsync(ct);
            var first = deliveries.GroupBy(d => (d.Receiver, d.StreamId)).Select(g => g.First().Id).ToHashSet();
            all.AddRange(deliveries.Select(d => View(d, first.Contains(d.Id))));
        }
        return all.OrderBy(e => e.State == "parked" ? 0 : e.State == "retrying" ? 1 : 2).ThenBy(e => e.QueuedAt).ToList();
    }

    /// <summary>A parked event is tried again at once (one still retrying: at once too); a replay is delivered once.</summary>
    public async Task<UndeliveredEvent> ReplayAsync(string id, CancellationToken ct)
    {
        var outbox = outboxes.FirstOrDefault(o => id.StartsWith(o.Name + ":", StringComparison.Ordinal)) ?? throw new NotFound("The event");
        await using var session = Store(outbox).LightweightSession();
        var delivery = await session.LoadAsync<OutboxDelivery>(id, ct) ?? throw new NotFound("The event");
        delivery.Replay(clock.GetUtcNow());
        session.Store(delivery);
        await session.SaveChangesAsync(ct);
        signals.Wake(outbox.Name);
        return View(delivery, isFirst: true);
    }

    /// <summary>Every parked event is tried again; answers how many.</summary>
    public async Task<int> ReplayAllAsync(CancellationToken ct)
    {
        var replayed = 0;
        foreach (var outbox in outboxes)
        {
            await using var session = Store(outbox).LightweightSession();
            var parked = await session.Query<OutboxDelivery>().Where(d => d.Outbox == outbox.Name && d.ParkedAt != null).ToListAsync(ct);
            foreach (var delivery in parked)
            {
                delivery.Replay(clock.GetUtcNow());
                session.Store(delivery);
            }
            await session.SaveChangesAsync(ct);
            if (parked.Count > 0) signals.Wake(outbox.Name);
            replayed += parked.Count;
        }
        return replayed;
    }

    private IDocumentStore Store(RegisteredOutbox outbox) => (IDocumentStore)services.GetRequiredService(outbox.Store);

    private static UndeliveredEvent View(OutboxDelivery d, bool isFirst) => new(d.Id, d.Outbox, d.Receiver, d.EventType, d.Message, d.StreamId,
        d.Sequence, d.IsParked ? "parked" : isFirst ? "retrying" : "waiting", d.Attempts, d.LastError, d.QueuedAt, d.NextAttemptAt, d.ParkedAt);
}
