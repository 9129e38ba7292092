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
/// the page with its documents. Relevance is names first (every word in a name: weight A), newest first within each.
/// <para>
/// The page is looked for first in a window: the first <see cref="Window"/> products in the sort's order (newest, or
/// cheapest within the price bounds), read along its index; the words and the other filters are checked on those rows
/// only. When the window holds the whole page, those are the page's rows (every later match is further in the order),
/// and a broad search stops there instead of sorting its thousands of matches. Otherwise the matches are sparse near the
/// head of the order: they are all found through their indexes, sorted and counted (<see cref="AllMatchesAsync"/>). The
/// window bounds the walk: the planner, expecting matches that a word or a filter of another kind makes rare (or puts
/// at the other end of the order), would otherwise walk the whole index.
/// </para>
/// The total is exact when all the matches were read; else counted when the planner expects at most
/// <see cref="EstimateAbove"/>, and beyond that it is the planner's estimate, marked inexact (API.md).
/// </summary>
internal sealed class ProductSearchQuery(ProductSearchSql sql, string table, string suspended)
{
    public const int Window = 1_000;
    public const long EstimateAbove = 10_000;

    /// <summary>Each statement planned for its own words: a generic plan would guess how common a word is.</summary>
    private const string CustomPlans = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    public async Task<FoundPage> FindAsync(NpgsqlConnection connection, ProductFilter filter, PageRequest page, CancellationToken ct)
    {
        var conditions = SearchConditions.Of(filter, suspended);
        var parameters = conditions.Parameters;
        var take = page.Skip + page.PageSize;
        parameters["take"] = take;
        parameters["skip"] = page.Skip;
        parameters["window"] = Math.Max(Window, take * 20);
        var ranked = filter.Sort == "relevance" && !filter.Text.IsEmpty;
        var pageSql = filter.Sort == "rating"
            ? PageSql(conditions.All, Order("rating", "s")) // no index in that order: the matches are sorted
            : WindowSql(conditions, ranked ? $"s.vector @@ {filter.Text.NamesSql()}" : null, ranked ? "newest" : filter.Sort);

        long version, estimate;
        (int Found, List<Guid> Ids, Dictionary<Guid, Product> Products, long Total) rows;
        await using (var batch = Batch(connection, parameters, sql.VersionSql, $"explain (format json) select 1 from {table} s where {conditions.All}", pageSql))
        await using (var reader = await FirstResultAsync(batch, ct))
        {
            await reader.ReadAsync(ct);
            version = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            estimate = PlanRows(reader.GetString(0));
            await reader.NextResultAsync(ct);
            rows = await ReadPageAsync(reader, ct);
        }
        if (rows.Found < take && filter.Sort != "rating") return await AllMatchesAsync(connection, version, conditions.All, filter, ranked, parameters, ct);
        var (total, exact) = Total(rows.Found, take, estimate) ?? (await CountAsync(connection, conditions.All, parameters, ct), true);
        return new FoundPage(version, rows.Ids, total, exact, rows.Products);
    }

    /// <summary>
    /// The total without counting, when it is known: the page reached the end of the matches (<paramref name="found"/> of
    /// the <paramref name="take"/> asked), or the planner expects so many that an estimate will do. Null: count them.
    /// </summary>
    public static (long Total, bool Exact)? Total(int found, int take, long estimate) =>
        found < take ? (found, true) : estimate > EstimateAbove ? (Math.Max(estimate, take), false) : null;

    /// <summary>
    /// Every match found through the indexes (a materialized step: no walk along an order), sorted (relevance: names
    /// first, then newest) and counted exactly. Past the end of the matches the page is empty and the total still counted.
    /// </summary>
    private async Task<FoundPage> AllMatchesAsync(NpgsqlConnection connection, long version, string where, ProductFilter filter, bool ranked,
        Dictionary<string, object> parameters, CancellationToken ct)
    {
        var named = ranked ? $"s.vector @@ {filter.Text.NamesSql()}" : "false";
        var order = ranked ? "m.named desc, m.published_at desc, m.id desc" : Order(filter.Sort, "m");
        var allSql = $"with m as materialized (select s.id, s.price, s.published_at, {named} as named from {table} s where {where}), " +
            $"p as (select m.id, row_number() over (order by {order}) as n, count(*) over () as total from m order by n limit @take) " +
            $"select p.id, p.n, d.data, p.total from p left join {sql.ProductsTable} d on d.id = p.id and p.n > @skip order by p.n";
        await using var batch = Batch(connection, parameters, allSql);
        await using var reader = await FirstResultAsync(batch, ct);
        var (_, ids, products, total) = await ReadPageAsync(reader, ct, withTotal: true);
        return new FoundPage(version, ids, total, true, products);
    }

    /// <summary>The matches counted (the planner expects at most <see cref="EstimateAbove"/>).</summary>
    private async Task<long> CountAsync(NpgsqlConnection connection, string where, Dictionary<string, object> parameters, CancellationToken ct)
    {
        await using var batch = Batch(connection, parameters, $"select count(*) from {table} s where {where}");
        await using var reader = await FirstResultAsync(batch, ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    /// <summary>The first <c>@take</c> matches in this order, numbered; the documents of those after <c>@skip</c>.</summary>
    private string PageSql(string where, string order) =>
        $"with p as (select s.id, row_number() over (order by {order}) as n from {table} s where {where} order by {order} limit @take) " +
        $"select p.id, p.n, d.data from p left join {sql.ProductsTable} d on d.id = p.id and p.n > @skip order by p.n";

    /// <summary>
    /// The first <c>@take</c> matches among the first <c>@window</c> rows of the order (read along its index: the limit
    /// keeps the other conditions out of that read), numbered; the documents of those after <c>@skip</c>.
    /// </summary>
    private string WindowSql(SearchConditions conditions, string? names, string sort)
    {
        // The window's rows are named s too, so that the conditions written for the table apply to them as they are.
        var outside = string.Join(" and ", new[] { conditions.Outside(sort), names }.Where(c => !string.IsNullOrEmpty(c)));
        return $"with w as (select s.id, s.price, s.published_at, s.category, s.province, s.labels, s.rating, s.vector from {table} s " +
            $"where {conditions.Inside(sort)} order by {Order(sort, "s")} limit @window), " +
            $"p as (select s.id, row_number() over (order by {Order(sort, "s")}) as n from w s " +
            $"{(outside.Length > 0 ? "where " + outside : "")} order by {Order(sort, "s")} limit @take) " +
            $"select p.id, p.n, d.data from p left join {sql.ProductsTable} d on d.id = p.id and p.n > @skip order by p.n";
    }

    /// <summary>The rows of a page statement (id, n, document, and the total when <paramref name="withTotal"/>).</summary>
    private async Task<(int Found, List<Guid> Ids, Dictionary<Guid, Product> Products, long Total)> ReadPageAsync(NpgsqlDataReader reader,
        CancellationToken ct, bool withTotal = false)
    {
        var (found, ids, products, total) = (0, new List<Guid>(), new Dictionary<Guid, Product>(), 0L);
        while (await reader.ReadAsync(ct))
        {
            found++;
            if (withTotal) total = reader.GetInt64(3);
            if (reader.IsDBNull(2)) continue;
            var product = sql.Read(reader, 2);
            ids.Add(product.Id);
            products[product.Id] = product;
        }
        return (found, ids, products, total);
    }

    private static string Order(string sort, string s) => sort switch
    {
        "price" => $"{s}.price asc, {s}.id",
        "-price" => $"{s}.price desc, {s}.id",
        "rating" => $"{s}.rating desc nulls last, {s}.rating_count desc, {s}.published_at desc, {s}.id",
        _ => $"{s}.published_at desc, {s}.id desc",
    };

    private static long PlanRows(string plan)
    {
        using var json = JsonDocument.Parse(plan);
        return (long)json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    /// <summary>The statements in one read-only transaction, each planned for its own parameters (<see cref="CustomPlans"/>).</summary>
    private static NpgsqlBatch Batch(NpgsqlConnection connection, Dictionary<string, object> parameters, params string[] statements)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var text in new[] { "begin read only", CustomPlans }.Concat(statements).Append("commit"))
            batch.BatchCommands.Add(Command(text, parameters));
        return batch;
    }

    /// <summary>The batch's reader at the answer of its first statement (begin answers nothing; set_config's answer is passed).</summary>
    private static async Task<NpgsqlDataReader> FirstResultAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return reader;
    }

    private static NpgsqlBatchCommand Command(string text, Dictionary<string, object> parameters)
    {
        var command = new NpgsqlBatchCommand(text);
        foreach (var (name, value) in parameters)
            if (text.Contains('@' + name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
