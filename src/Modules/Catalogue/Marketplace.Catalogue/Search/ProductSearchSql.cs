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
/// The shop's query in SQL, over the search table (<see cref="ProductSearchRows"/>: a stored and GIN-indexed tsvector),
/// so that neither filters nor ranking read the product documents. The matching rows are found first (a materialized
/// step: the planner otherwise walks a sort index over every row), then counted and the page sorted out of them.
/// Products of suspended cooperatives are left out in the same statement.
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

    public async Task<IReadOnlyDictionary<Guid, Product>> ProductsAsync(NpgsqlConnection connection, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { ProductsCommand(ids) } };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadProductsAsync(reader, ct);
    }

    private NpgsqlBatchCommand ProductsCommand(IReadOnlyList<Guid> ids) =>
        new($"select data from {products} where id = any(@ids)") { Parameters = { new("ids", ids.ToArray()) } };

    private async Task<IReadOnlyDictionary<Guid, Product>> ReadProductsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Product>();
        while (await reader.ReadAsync(ct))
        {
            var product = serializer.FromJson<Product>(reader, 0);
            found[product.Id] = product;
        }
        return found;
    }

    /// <summary>A page of ids and the total.</summary>
    public async Task<(IReadOnlyList<Guid> Ids, long Total)> FindAsync(NpgsqlConnection connection, ProductFilter filter, PageRequest page,
        CancellationToken ct)
    {
        var where = new List<string> { "s.status = @published", $"not (s.cooperative_id = any({suspended}))" };
        var parameters = new Dictionary<string, object> { ["published"] = ProductStatus.Published };
        void Add(string condition, string name, object? value)
        {
            if (value is null) return;
            where.Add(condition);
            parameters[name] = value;
        }
        Add("s.category = any(@categories)", "categories", filter.Categories?.ToArray());
        Add("s.cooperative_id = @cooperative", "cooperative", filter.CooperativeId);
        Add("@label = any(s.labels)", "label", filter.Label);
        Add("s.province = @province", "province", filter.Province);
        Add("s.price >= @min", "min", filter.MinPrice);
        Add("s.price <= @max", "max", filter.MaxPrice);
        Add("s.rating >= @minRating", "minRating", filter.MinRating);
        var rank = "0::real";
        if (!filter.Text.IsEmpty)
        {
            var (tsquery, textParameters) = filter.Text.ToSql();
            where.Add($"s.vector @@ {tsquery}");
            if (filter.Sort == "relevance") rank = $"ts_rank(s.vector, {tsquery})"; // only what the order needs: it reads each vector
            foreach (var (k, v) in textParameters) parameters[k] = v;
        }
        var order = filter.Sort switch
        {
            "price" => "m.price asc, m.id",
            "-price" => "m.price desc, m.id",
            "rating" => "m.rating desc nulls last, m.rating_count desc, m.published_at desc, m.id",
            "relevance" when !filter.Text.IsEmpty => "m.rank desc, m.published_at desc, m.id",
            _ => "m.published_at desc, m.id desc",
        };
        parameters["limit"] = page.PageSize;
        parameters["offset"] = page.Skip;
        var matches = $"with m as materialized (select s.id, s.price, s.published_at, s.rating, s.rating_count, {rank} as rank from {table} s " +
            $"where {string.Join(" and ", where)}) ";
        var ids = new List<Guid>();
        long total = 0;
        await using (var select = Command(connection, matches + $"select m.id, count(*) over () from m order by {order} limit @limit offset @offset", parameters))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetGuid(0));
                total = reader.GetInt64(1);
            }
        if (ids.Count > 0 || page.Skip == 0) return (ids, total);
        await using var count = Command(connection, matches + "select count(*) from m", parameters); // past the end
        return ([], (long)(await count.ExecuteScalarAsync(ct))!);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, Dictionary<string, object> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
