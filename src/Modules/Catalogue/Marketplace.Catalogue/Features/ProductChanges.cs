using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marten;

namespace Marketplace.Catalogue.Features;

internal static class ProductChanges
{
    /// <summary>
    /// Decides and appends under the product stream's lock (FetchForExclusiveWriting): stock reservations lock the
    /// same rows, so a staff change never races a checkout. Answers the product's state after the change.
    /// </summary>
    public static async Task<ProductState> ChangeProductAsync(this ICatalogueStore store, Guid cooperativeId, Guid productId,
        Func<Product, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Product>(productId, ct);
        var product = stream.Aggregate.OfCooperative(cooperativeId);
        var events = decide(product);
        if (events.Count == 0) return product.State();
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        await using var query = store.QuerySession();
        return (await query.LoadAsync<Product>(productId, ct))!.State();
    }

    public static ProductState State(this Product p) => new(p.Id, p.Status, p.ListingVersion, p.OnHand, p.Available);
}
