using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Npgsql;

namespace Marketplace.Catalogue.Search;

/// <summary>A page of a search: its ids in order, the total (exact up to 1,000 matches, else maybe an estimate) and their documents.</summary>
internal sealed record FoundPage(long Version, IReadOnlyList<Guid> Ids, long Total, bool TotalExact, IReadOnlyDictionary<Guid, Product> Products);

/// <summary>
/// A search computed in SQL, in one round trip when it can: the search version, the planner's estimate of the matches and
/// the page with its documents. The page is read in the order of an index when the planner finds it cheaper (newest,
/// price), so that a broad search does not sort its thousands of matches: it stops at the page. Relevance is names
/// first (every word in a name: weight A), newest first within each: the name matches are walked in the newest order;
/// only when they do not fill the page are all the matches ranked (<see cref="RankAllSql"/>). The total is counted when
/// the page reaches the end of the matches, or (at most 1,001 rows) when the planner expects fewer than
/// <see cref="EstimateAbove"/> matches; beyond that it is the planner's estimate, marked inexact (API.md).
/// </summary>
internal sealed class ProductSearchQuery(ProductSearchSql sql, string table, string suspended)
{
    public const int ExactUpTo = 1_000;
    public const long EstimateAbove = 10_000;

    /// <summary>Each statement planned for its own words: a generic plan would guess how common a word is.</summary>
    private const string CustomPlans = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    public async Task<FoundPage> FindAsync(NpgsqlConnection connection, ProductFilter filter, PageRequest page, CancellationToken ct)
    {
        var (where, parameters) = Where(filter);
        var take = page.Skip + page.PageSize;
        parameters["take"] = take;
        parameters["skip"] = page.Skip;
        var ranked = filter.Sort == "relevance" && !filter.Text.IsEmpty;
        var pageSql = ranked
            ? PageSql($"{where} and s.vector @@ {filter.Text.NamesSql()}", "s.published_at desc, s.id desc")
            : PageSql(where, Order(filter.Sort, "s"));

        await using var batch = new NpgsqlBatch(connection);
        foreach (var text in new[] { "begin read only", CustomPlans, sql.VersionSql, $"explain (format json) select 1 from {table} s where {where}", pageSql, "commit" })
            batch.BatchCommands.Add(Command(text, parameters));
        long version, estimate;
        (int Found, List<Guid> Ids, Dictionary<Guid, Product> Products) rows;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct); // from set_config's answer (begin has none)
            await reader.ReadAsync(ct);
            version = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            estimate = PlanRows(reader.GetString(0));
            await reader.NextResultAsync(ct);
            rows = await ReadPageAsync(reader, ct);
        }
        if (rows.Found < take && ranked) return await RankAllAsync(connection, version, where, filter, parameters, ct);
        var (total, exact) = Total(rows.Found, take, estimate) ?? Counted(await CountAsync(connection, where, parameters, ct), estimate);
        return new FoundPage(version, rows.Ids, total, exact, rows.Products);
    }

    /// <summary>
    /// The total without counting, when it is known: the page reached the end of the matches (<paramref name="found"/> of
    /// the <paramref name="take"/> asked), or the planner expects so many that an estimate will do. Null: count them.
    /// </summary>
    public static (long Total, bool Exact)? Total(int found, int take, long estimate) =>
        found < take ? (found, true) : estimate > EstimateAbove ? (Math.Max(estimate, take), false) : null;

    /// <summary>The total from the matches counted up to 1,001: exact up to 1,000, else the larger of the estimate and 1,001.</summary>
    public static (long Total, bool Exact) Counted(long counted, long estimate) =>
        counted <= ExactUpTo ? (counted, true) : (Math.Max(estimate, counted), false);

    /// <summary>
    /// Fewer name matches than the page needs: every match ranked (names first, then newest), with its exact total (all
    /// the matches are read anyway). Past the end of the matches the page is empty and the total still counted.
    /// </summary>
    private async Task<FoundPage> RankAllAsync(NpgsqlConnection connection, long version, string where, ProductFilter filter,
        Dictionary<string, object> parameters, CancellationToken ct)
    {
        var named = filter.Text.NamesSql();
        var rankSql = $"with m as materialized (select s.id, s.published_at, s.vector @@ {named} as named from {table} s where {where}), " +
            "p as (select m.id, row_number() over (order by m.named desc, m.published_at desc, m.id desc) as n, count(*) over () as total from m " +
            "order by n limit @take) " +
            $"select p.id, p.n, p.total, d.data from p left join {sql.ProductsTable} d on d.id = p.id and p.n > @skip order by p.n";
        await using var batch = new NpgsqlBatch(connection);
        foreach (var text in new[] { "begin read only", CustomPlans, rankSql, "commit" })
            batch.BatchCommands.Add(Command(text, parameters));
        var ids = new List<Guid>();
        var products = new Dictionary<Guid, Product>();
        long total = 0;
        await using (var reader = await batch.ExecuteReaderAsync(ct)) // at set_config's answer (begin has none)
        {
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                total = reader.GetInt64(2);
                if (reader.IsDBNull(3)) continue;
                var product = sql.Read(reader, 3);
                ids.Add(product.Id);
                products[product.Id] = product;
            }
        }
        return new FoundPage(version, ids, total, true, products);
    }

    /// <summary>The matches counted up to 1,001.</summary>
    private async Task<long> CountAsync(NpgsqlConnection connection, string where, Dictionary<string, object> parameters, CancellationToken ct)
    {
        var matches = $"select 1 from {table} s where {where} limit {ExactUpTo + 1}";
        await using var batch = new NpgsqlBatch(connection);
        foreach (var text in new[] { "begin read only", CustomPlans, $"select count(*) from ({matches}) m", "commit" })
            batch.BatchCommands.Add(Command(text, parameters));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    /// <summary>The first <c>@take</c> matches in this order, numbered; the documents of those after <c>@skip</c>.</summary>
    private string PageSql(string where, string order) =>
        $"with p as (select s.id, row_number() over (order by {order}) as n from {table} s where {where} order by {order} limit @take) " +
        $"select p.id, p.n, d.data from p left join {sql.ProductsTable} d on d.id = p.id and p.n > @skip order by p.n";

    private async Task<(int Found, List<Guid> Ids, Dictionary<Guid, Product> Products)> ReadPageAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var (found, ids, products) = (0, new List<Guid>(), new Dictionary<Guid, Product>());
        while (await reader.ReadAsync(ct))
        {
            found++;
            if (reader.IsDBNull(2)) continue;
            var product = sql.Read(reader, 2);
            ids.Add(product.Id);
            products[product.Id] = product;
        }
        return (found, ids, products);
    }

    private static string Order(string sort, string s) => sort switch
    {
        "price" => $"{s}.price asc, {s}.id",
        "-price" => $"{s}.price desc, {s}.id",
        "rating" => $"{s}.rating desc nulls last, {s}.rating_count desc, {s}.published_at desc, {s}.id",
        _ => $"{s}.published_at desc, {s}.id desc",
    };

    private (string Where, Dictionary<string, object> Parameters) Where(ProductFilter filter)
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
        Add("s.labels @> array[@label]::text[]", "label", filter.Label);
        Add("s.province = @province", "province", filter.Province);
        Add("s.price >= @min", "min", filter.MinPrice);
        Add("s.price <= @max", "max", filter.MaxPrice);
        Add("s.rating >= @minRating", "minRating", filter.MinRating);
        if (!filter.Text.IsEmpty)
        {
            var (tsquery, textParameters) = filter.Text.ToSql();
            where.Add($"s.vector @@ {tsquery}");
            foreach (var (k, v) in textParameters) parameters[k] = v;
        }
        return (string.Join(" and ", where), parameters);
    }

    private static long PlanRows(string plan)
    {
        using var json = JsonDocument.Parse(plan);
        return (long)json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    private static NpgsqlBatchCommand Command(string text, Dictionary<string, object> parameters)
    {
        var command = new NpgsqlBatchCommand(text);
        foreach (var (name, value) in parameters)
            if (text.Contains('@' + name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
