using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Npgsql;

namespace Marketplace.Catalogue.Search;

/// <param name="Categories">the category and its descendants.</param>
/// <param name="Suspended">cooperatives whose products are hidden.</param>
/// <param name="Sort">relevance, price, -price or newest.</param>
internal sealed record ProductFilter(SearchQuery Text, IReadOnlyList<string>? Categories, Guid? CooperativeId, string? Label,
    string? Province, decimal? MinPrice, decimal? MaxPrice, IReadOnlyList<Guid> Suspended, string Sort);

/// <summary>
/// The shop's query in SQL, over the search table (<see cref="ProductSearchRows"/>: narrow rows, a stored and
/// GIN-indexed tsvector), so that neither filters nor ranking read the product documents. Answers a page of ids and
/// the total, in one round trip when the page is not past the end.
/// </summary>
internal sealed class ProductSearchSql(NpgsqlDataSource database, ICatalogueStore store)
{
    private readonly string table = $"{store.Options.DatabaseSchemaName}.{ProductSearchRows.Table}";

    public async Task<(IReadOnlyList<Guid> Ids, long Total)> FindAsync(ProductFilter filter, PageRequest page, CancellationToken ct)
    {
        var where = new List<string> { "s.status = @published" };
        var parameters = new Dictionary<string, object> { ["published"] = ProductStatus.Published };
        void Add(string condition, string name, object? value)
        {
            if (value is null) return;
            where.Add(condition);
            parameters[name] = value;
        }
        if (filter.Suspended.Count > 0) Add("not (s.cooperative_id = any(@suspended))", "suspended", filter.Suspended.ToArray());
        Add("s.category = any(@categories)", "categories", filter.Categories?.ToArray());
        Add("s.cooperative_id = @cooperative", "cooperative", filter.CooperativeId);
        Add("@label = any(s.labels)", "label", filter.Label);
        Add("s.province = @province", "province", filter.Province);
        Add("s.price >= @min", "min", filter.MinPrice);
        Add("s.price <= @max", "max", filter.MaxPrice);
        var tsquery = "";
        if (!filter.Text.IsEmpty)
        {
            var (sql, textParameters) = filter.Text.ToSql();
            tsquery = sql;
            where.Add($"s.vector @@ {tsquery}");
            foreach (var (k, v) in textParameters) parameters[k] = v;
        }
        var order = filter.Sort switch
        {
            "price" => "s.price asc, s.id",
            "-price" => "s.price desc, s.id",
            "relevance" when tsquery.Length > 0 => $"ts_rank(s.vector, {tsquery}) desc, s.published_at desc, s.id",
            _ => "s.published_at desc, s.id desc",
        };
        var conditions = string.Join(" and ", where);

        await using var connection = await database.OpenConnectionAsync(ct);
        parameters["limit"] = page.PageSize;
        parameters["offset"] = page.Skip;
        var ids = new List<Guid>();
        long total = 0;
        await using (var select = Command(connection,
            $"select s.id, count(*) over () from {table} s where {conditions} order by {order} limit @limit offset @offset", parameters))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetGuid(0));
                total = reader.GetInt64(1);
            }
        if (ids.Count > 0 || page.Skip == 0) return (ids, total);
        await using var count = Command(connection, $"select count(*) from {table} s where {conditions}", parameters); // past the end
        return ([], (long)(await count.ExecuteScalarAsync(ct))!);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, Dictionary<string, object> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
