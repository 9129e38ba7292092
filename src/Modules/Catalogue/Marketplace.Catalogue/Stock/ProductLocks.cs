using JasperFx.Events;
using Marketplace.Catalogue.Domain;
using Marten;

namespace Marketplace.Catalogue.Stock;

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
}
