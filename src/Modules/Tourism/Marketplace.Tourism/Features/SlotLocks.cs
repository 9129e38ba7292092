using JasperFx.Events;
using Marketplace.Tourism.Domain;
using Marten;

namespace Marketplace.Tourism.Features;

internal static class SlotLocks
{
    /// <summary>
    /// Locks the slots' streams in the session's transaction (select ... for update), always in the order of their ids, so
    /// that two checkouts sharing slots never deadlock; until commit, no one else takes their seats.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IEventStream<Slot>>> LockSlotsAsync(this IDocumentSession session, IEnumerable<Guid> slotIds,
        CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var streams = new Dictionary<Guid, IEventStream<Slot>>();
        foreach (var id in slotIds.Distinct().Order()) streams[id] = await session.Events.FetchForExclusiveWriting<Slot>(id, ct);
        return streams;
    }
}
