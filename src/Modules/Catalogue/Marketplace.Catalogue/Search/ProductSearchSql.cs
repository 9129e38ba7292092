using Marketplace.BuildingBlocks;
using System.Globalization;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marten;
using Npgsql;

namespace Marketplace.Catalogue.Search;

/// <param name="Categories">the category and its descendants.</param>
/// <param name="Sort">relevance, price, -price, newest or rating.</param>
/// <param name="MinRating">the least average of published reviews (products without reviews are left out).</param>
internal sealed record ProductFilter(SearchQuery Text, IReadOnlyList<string>? Categories, Guid? CooperativeId, string? Label,
    string? Province, decimal? MinPrice, decimal? MaxPrice, string Sort, decimal? MinRating = null)
{
    /// <summary>What identifies this search's answer for a page (<see cref="SearchResultCache"/>).</summary>
    public string Key(PageRequest page) => string.Join('|', string.Join(' ', Text.Terms.Select(t => t.Word)),
        string.Join(',', Categories ?? []), CooperativeId, Label, Province, MinPrice?.ToString(CultureInfo.InvariantCulture),
        MaxPrice?.ToString(CultureInfo.InvariantCulture), Sort, MinRating?.ToString(CultureInfo.InvariantCulture), page.Skip, page.PageSize);
}

/// <summary>
/// The shop's reads in SQL: the search over the search table (<see cref="ProductSearchRows"/>: a stored and GIN-indexed
/// tsvector, <see cref="ProductSearchQuery"/>), the version and the documents or stock of a page. Products of suspended
/// cooperatives are left out of searches in the same statement.
/// </summary>
internal sealed class ProductSearchSql(ICatalogueStore store)
{
    private readonly string table = $"{store.Options.DatabaseSchemaName}.{ProductSearchRows.Table}";
    private readonly string suspended =
        $"array(select c.id from {store.Options.Schema.For<CooperativeStanding>(true)} c where (c.data->>'suspended')::boolean)";
    private readonly string products = store.Options.Schema.For<Product>(true);
    private readonly string version = SearchVersion.ReadSql(store.Options.DatabaseSchemaName);
    private readonly ISerializer serializer = store.Options.Serializer();

    /// <summary>The search version now, then the documents of these products, in one round trip (in this order).</summary>
    public async Task<(long Version, IReadOnlyDictionary<Guid, Product> Products)> VersionAndProductsAsync(NpgsqlConnection connection,
        IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(version));
        batch.BatchCommands.Add(ProductsCommand(ids));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var now = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        return (now, await ReadProductsAsync(reader, ct));
    }

    /// <summary>The search version now, then what can be bought now of these products, in one round trip (in this order).</summary>
    public async Task<(long Version, IReadOnlyDictionary<Guid, int> Stock)> VersionAndStockAsync(NpgsqlConnection connection,
        IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(version));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select id, (data->>'available')::int from {products} where id = any(@ids)")
            { Parameters = { new("ids", ids.ToArray()) } });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var now = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var stock = new Dictionary<Guid, int>();
        while (await reader.ReadAsync(ct)) stock[reader.GetGuid(0)] = reader.GetInt32(1);
        return (now, stock);
    }

    public string ProductsTable => products;
    public string VersionSql => version;

    /// <summary>A product document of a column of this reader.</summary>
    public Product Read(NpgsqlDataReader reader, int column) => serializer.FromJson<Product>(reader, column);

    private NpgsqlBatchCommand ProductsCommand(IReadOnlyList<Guid> ids) =>
        new($"select data from {products} where id = any(@ids)") { Parameters = { new("ids", ids.ToArray()) } };

    private async Task<IReadOnlyDictionary<Guid, Product>> ReadProductsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Product>();
        while (await reader.ReadAsync(ct))
        {
            var product = Read(reader, 0);
            found[product.Id] = product;
        }
        return found;
    }

    /// <summary>A page of the search and its total (<see cref="ProductSearchQuery"/>).</summary>
    public Task<FoundPage> FindAsync(NpgsqlConnection connection, ProductFilter filter, PageRequest page, CancellationToken ct) =>
        new ProductSearchQuery(this, table, suspended).FindAsync(connection, filter, page, ct);
}
