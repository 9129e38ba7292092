using Marketplace.Catalogue.Domain;
using Marten;
using Npgsql;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// A product's document and whether its cooperative is suspended (the page is read often). Answered from the pages this
/// node keeps while it hears of their changes (<see cref="KeptProductPages"/>); otherwise one round trip, whose
/// statement sends the document only when its version is not the one kept, so that a page read again is not transferred
/// and deserialised again.
/// </summary>
internal sealed class ProductPageSql(NpgsqlDataSource database, ICatalogueStore store, KeptProductPages pages)
{
    private readonly string sql = $"select case when d.mt_version = @known then null else d.data end, d.mt_version, " +
        $"coalesce((select (c.data->>'suspended')::boolean from {store.Options.Schema.For<CooperativeStanding>(true)} c " +
        $"where c.id = d.cooperative_id), false) from {store.Options.Schema.For<Product>(true)} d where d.id = @id";
    private readonly ISerializer serializer = store.Options.Serializer();

    public async Task<(Product Product, bool Suspended)?> FindAsync(Guid productId, CancellationToken ct)
    {
        var ticket = pages.Take(productId);
        var known = pages.Find(productId, out var current);
        if (known is not null && current) return (known.Product, known.Suspended);
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("id", productId);
        command.Parameters.AddWithValue("known", known?.Version ?? -1L);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var (version, suspended) = (reader.GetInt64(1), reader.GetBoolean(2));
        var product = reader.IsDBNull(0) && known is not null && known.Version == version ? known.Product : serializer.FromJson<Product>(reader, 0);
        pages.Keep(productId, version, product, suspended, ticket);
        return (product, suspended);
    }
}
