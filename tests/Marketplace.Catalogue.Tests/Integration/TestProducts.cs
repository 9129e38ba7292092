using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// Products written straight into the Catalogue's event store, for tests of stock and search that do not exercise
/// the cooperative access rules (those go over HTTP). The events are the ones the commands append.
/// </summary>
internal static class TestProducts
{
    public static ListingFields Listing(string? sku = null, string category = "honey", LocalizedText? name = null, LocalizedText? description = null,
        decimal price = 120m, string province = "taroudant", params string[] labels) =>
        new(sku ?? $"SKU-{Guid.NewGuid():N}"[..16], category, name ?? new LocalizedText("عسل", "Miel", "Honey"),
            description ?? new LocalizedText(), price, "MAD", "jar 500 g", labels, null, province);

    /// <summary>A published product of a new (or the given) cooperative, with <paramref name="onHand"/> units.</summary>
    public static async Task<Product> PublishedAsync(this CatalogueApp app, int onHand, ListingFields? listing = null, Guid? cooperativeId = null,
        bool publish = true)
    {
        var id = Guid.CreateVersion7();
        var by = Guid.CreateVersion7();
        await using (var session = app.Store.LightweightSession())
        {
            session.Events.StartStream<Product>(id, ProductDecisions.List(id, cooperativeId ?? Guid.CreateVersion7(), listing ?? Listing(), onHand, by,
                DateTimeOffset.UtcNow));
            if (publish) session.Events.Append(id, new ProductPublished(id, by, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        return await app.ProductAsync(id);
    }

    /// <summary>The labels Certification sent for the product (as its receiver appends them).</summary>
    public static async Task CertifyAsync(this CatalogueApp app, Guid productId, params string[] codes)
    {
        await using var session = app.Store.LightweightSession();
        session.Events.Append(productId, new CertifiedLabelsSet(productId,
            codes.Select(c => new CertifiedLabel(c, Guid.CreateVersion7(), DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)))).ToList(), DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }
}
