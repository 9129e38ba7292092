using JasperFx.Events;
using Marketplace.Catalogue.Domain;
using Marten;

namespace Marketplace.Catalogue.Stock;

/// <summary>The products' streams locked for checkout, with what was read after the locks in the same round trip.</summary>
internal sealed record LockedForCheckout(IReadOnlyDictionary<Guid, IEventStream<Product>> Streams,
    IReadOnlyDictionary<Guid, Reservation> Reservations, IReadOnlySet<Guid> Suspended);

internal static class ProductLocks
{
    /// <summary>
    /// Locks the product streams in the session's transaction (select ... for update), always in the order of their ids,
    /// so that two checkouts sharing products never deadlock. Until commit or rollback, no one else changes their stock:
    /// every check of availability and the append that follows it see the same, final state.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IEventStream<Product>>> LockProductsAsync(this IDocumentSession session,
        IEnumerable<Guid> productIds, CancellationToken ct)
    {
        var streams = new Dictionary<Guid, IEventStream<Product>>();
        foreach (var id in productIds.Distinct().Order())
            streams[id] = await session.Events.FetchForExclusiveWriting<Product>(id, ct);
        return streams;
    }

    /// <summary>
    /// As <see cref="LockProductsAsync"/>, in one round trip: a batch that locks the streams in id order, then reads the
    /// orders' reservations (by order id; an order without one is left out) and, when <paramref name="standingsSql"/> is
    /// given (its parameter: the product ids), the cooperatives' standings. The statements of a batch run one after the
    /// other in the transaction, so these reads start after every lock is held and see what a concurrent twin committed
    /// before releasing them.
    /// </summary>
    public static async Task<LockedForCheckout> LockForCheckoutAsync(this IDocumentSession session, IReadOnlyCollection<Guid> orderIds,
        IEnumerable<Guid> productIds, string? standingsSql, CancellationToken ct)
    {
        var ids = productIds.Distinct().Order().ToArray();
        await session.BeginTransactionAsync(ct); // before the batch: its exclusive fetches then add their statements at once
        var batch = session.CreateBatchQuery();
        var fetches = ids.Select(id => (Id: id, Stream: batch.Events.FetchForExclusiveWriting<Product>(id))).ToList();
        var reservations = batch.LoadMany<Reservation>().ById(orderIds.Distinct().ToArray());
        var standings = standingsSql is null ? Task.FromResult<IReadOnlyList<CooperativeStanding>>([]) : batch.Query<CooperativeStanding>(standingsSql, ids);
        await batch.Execute(ct);
        var streams = new Dictionary<Guid, IEventStream<Product>>();
        foreach (var (id, stream) in fetches) // their answers complete just after the batch; a fetch left out of it would never
            streams[id] = await stream.WaitAsync(TimeSpan.FromSeconds(10), ct); // complete: a timeout, never a hang
        return new(streams, (await reservations).ToDictionary(r => r.Id), (await standings).Where(s => s.Suspended).Select(s => s.Id).ToHashSet());
    }
}
