using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Npgsql;

namespace Marketplace.Catalogue.Search;

/// <param name="Categories">the category and its descendants.</param>
/// <param name="Suspended">cooperatives whose products are hidden.</param>
/// <param name="Sort">relevance, price, -price or newest.</param>
internal sealed record ProductFilter(SearchQuery Text, IReadOnlyList<string>? Categories, Guid? CooperativeId, string? Label,
    string? Province, decimal? MinPrice, decimal? MaxPrice, IReadOnlyList<Guid> Suspended, string Sort);

/// <summary>
/// The shop's query in SQL, over the product documents (published, duplicated columns for the filters) and the
/// GIN-indexed tsvector of <see cref="SearchFields.VectorSql"/>. Answers a page of ids and the total.
/// </summary>
internal sealed class ProductSearchSql(NpgsqlDataSource database, ICatalogueStore store)
{
    public async Task<(IReadOnlyList<Guid> Ids, long Total)> FindAsync(ProductFilter filter, PageRequest page, CancellationToken ct)
    {
        var table = store.Options.Schema.For<Product>(true);
        var where = new List<string> { "d.status = @published", "not (d.cooperative_id = any(@suspended))" };
        var parameters = new Dictionary<string, object> { ["published"] = ProductStatus.Published, ["suspended"] = filter.Suspended.ToArray() };
        void Add(string condition, string name, object? value)
        {
            if (value is null) return;
            where.Add(condition);
            parameters[name] = value;
        }
        Add("d.category = any(@categories)", "categories", filter.Categories?.ToArray());
        Add("d.cooperative_id = @cooperative", "cooperative", filter.CooperativeId);
        Add("d.data->'listing'->'labels' @> jsonb_build_array(@label::text)", "label", filter.Label);
        Add("d.province = @province", "province", filter.Province);
        Add("d.price >= @min", "min", filter.MinPrice);
        Add("d.price <= @max", "max", filter.MaxPrice);
        var vector = SearchFields.VectorSql("d.data");
        var tsquery = "";
        if (!filter.Text.IsEmpty)
        {
            var (sql, textParameters) = filter.Text.ToSql();
            tsquery = sql;
            where.Add($"{vector} @@ {tsquery}");
            foreach (var (k, v) in textParameters) parameters[k] = v;
        }
        var order = filter.Sort switch
        {
            "price" => "d.price asc, d.id",
            "-price" => "d.price desc, d.id",
            "relevance" when tsquery.Length > 0 => $"ts_rank({vector}, {tsquery}) desc, d.published_at desc, d.id",
            _ => "d.published_at desc, d.id desc",
        };
        var conditions = string.Join(" and ", where);

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var count = Command(connection, $"select count(*) from {table} d where {conditions}", parameters);
        var total = (long)(await count.ExecuteScalarAsync(ct))!;
        if (total <= page.Skip) return ([], total);
        parameters["limit"] = page.PageSize;
        parameters["offset"] = page.Skip;
        await using var select = Command(connection, $"select d.id from {table} d where {conditions} order by {order} limit @limit offset @offset", parameters);
        var ids = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return (ids, total);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, Dictionary<string, object> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
