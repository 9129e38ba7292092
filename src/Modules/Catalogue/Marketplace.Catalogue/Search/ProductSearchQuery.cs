using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Npgsql;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// A page of a search: its ids in order, the total (exact up to 1,000 matches, else maybe an estimate), their documents,
/// and how it was read (<see cref="ProductSearchQuery"/>).
/// </summary>
internal sealed record FoundPage(long Version, IReadOnlyList<Guid> Ids, long Total, bool TotalExact, IReadOnlyDictionary<Guid, Product> Products,
    SearchRead Read);

/// <summary>How a page was read: from the window of the sort's order; every match after the window missed; every match at once.</summary>
internal enum SearchRead { Window, WindowThenAll, All }

/// <summary>
/// A search computed in SQL in two round trips: first the search version and the planner's estimates (how many match,
/// how many rows the sort's order holds, how many match by name), then the page with its documents and its total.
/// Relevance is names first (every word in a name: weight A), newest first within each.
/// <para>
/// When the estimates say the page lies near the head of the sort's order, it is looked for first in a window: the first
/// <see cref="Window"/> products in that order (newest, or cheapest within the price bounds), read along its index; the
/// words and the other filters are checked on those rows only. When the window holds the whole page, those are the
/// page's rows (every later match is further in the order), and a broad search stops there instead of sorting its
/// thousands of matches. When it does not (the matches sit elsewhere in the order), the same statement finds every match
/// through its indexes, keeps the first of the order and counts them all. When the estimates say the window would miss
/// (rare words, or filters of another kind), or cost more than reading the matches, every match is read at once.
/// </para>
/// The total is exact when all the matches were read; after a window, counted up to <see cref="Counted"/> when the
/// planner expects at most <see cref="EstimateAbove"/>; beyond that the planner's estimate, marked inexact (API.md).
/// </summary>
internal sealed class ProductSearchQuery(ProductSearchSql sql, string table, string suspended)
{
    public const int Window = 1_000;
    public const long EstimateAbove = 10_000;
    public const int Counted = 1_000;

    /// <summary>Each statement planned for its own words: a generic plan would guess how common a word is.</summary>
    private const string CustomPlans = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    public async Task<FoundPage> FindAsync(NpgsqlConnection connection, ProductFilter filter, PageRequest page, CancellationToken ct)
    {
        var conditions = SearchConditions.Of(filter, suspended);
        var parameters = conditions.Parameters;
        var take = page.Skip + page.PageSize;
        var window = Math.Max(Window, take * 20);
        (parameters["take"], parameters["skip"], parameters["window"], parameters["counted"]) = (take, page.Skip, window, Counted + 1);
        var ranked = filter.Sort == "relevance" && !filter.Text.IsEmpty;
        var names = ranked ? $"s.vector @@ {filter.Text.NamesSql()}" : null;
        var windowSort = ranked ? "newest" : filter.Sort;
        var windowed = filter.Sort != "rating"; // no index in that order: the matches are sorted

        // The estimates decide the window; every match read is counted exactly (sort=rating: nothing to estimate).
        var explains = windowed ? new List<string> { conditions.All, conditions.Inside(windowSort) } : [];
        if (windowed && names is not null) explains.Add($"{conditions.All} and {names}");
        var (version, estimates) = await EstimatesAsync(connection, parameters, explains, ct);
        var estimate = windowed ? estimates[0] : 0;
        var all = AllSql(conditions.All, names, ranked ? "m.named desc, m.published_at desc, m.id desc" : Order(filter.Sort, "m"));
        var windowFirst = windowed && WindowPays(estimate, estimates[1], names is null ? estimate : estimates[2], window, take);
        var pageSql = windowFirst
            ? WindowSql(conditions, names, windowSort, all, counted: estimate <= EstimateAbove)
            : $"with {all}, f as (select a.id, a.n, (select count(*) from m) as total, true as whole from a) {Documents}";

        await using var batch = Batch(connection, parameters, pageSql);
        await using var reader = await FirstResultAsync(batch, ct);
        var (found, ids, products, total, whole) = await ReadPageAsync(reader, ct);
        var (sum, exact) = whole ? (total ?? 0, true) : found < take ? (found, true) : Total(total, take, estimate);
        var read = !windowFirst ? SearchRead.All : whole || found < take ? SearchRead.WindowThenAll : SearchRead.Window;
        return new FoundPage(version, ids, sum, exact, products, read);
    }

    /// <summary>
    /// The window is read first when the planner expects it to hold the page twice over (the share of the order's
    /// <paramref name="domain"/> rows that match, <paramref name="wanted"/>: by name for relevance) and reading every one
    /// of the <paramref name="all"/> matches would cost more than the window.
    /// </summary>
    public static bool WindowPays(long all, long domain, long wanted, int window, int take) =>
        all > window && Math.Min(window, domain) * (double)wanted / Math.Max(domain, 1) >= 2 * take;

    /// <summary>
    /// The total after a full page from the window: the matches <paramref name="counted"/> (null: not counted, the planner
    /// expecting more than <see cref="EstimateAbove"/>), exact up to <see cref="Counted"/>; else the planner's estimate,
    /// and at least what the pages hold, marked inexact.
    /// </summary>
    public static (long Total, bool Exact) Total(long? counted, int take, long estimate) =>
        counted <= Counted ? (counted.Value, true) : (Math.Max(Math.Max(estimate, counted ?? 0), take), false);

    private async Task<(long Version, List<long> Estimates)> EstimatesAsync(NpgsqlConnection connection, Dictionary<string, object> parameters,
        List<string> conditions, CancellationToken ct)
    {
        var explains = conditions.Select(c => $"explain (format json) select 1 from {table} s where {c}");
        await using var batch = Batch(connection, parameters, [sql.VersionSql, .. explains]);
        await using var reader = await FirstResultAsync(batch, ct);
        await reader.ReadAsync(ct);
        var version = reader.GetInt64(0);
        var estimates = new List<long>();
        foreach (var _ in conditions)
        {
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            estimates.Add(PlanRows(reader.GetString(0)));
        }
        return (version, estimates);
    }

    /// <summary>
    /// m: every match found through the indexes (a materialized step: no walk along an order); a: the first <c>@take</c>
    /// of them in this order, numbered (a top-N sort, not a sort of them all).
    /// </summary>
    private string AllSql(string where, string? names, string order) =>
        $"m as materialized (select s.id, s.price, s.published_at, s.rating, s.rating_count, {names ?? "false"} as named " +
        $"from {table} s where {where}), " +
        $"a as (select m.id, row_number() over (order by {order}) as n from (select * from m order by {order} limit @take) m)";

    /// <summary>f's rows (id, n, total, whole) with the documents of those after <c>@skip</c>, in order.</summary>
    private string Documents =>
        $"select f.id, f.n, d.data, f.total, f.whole from f left join {sql.ProductsTable} d on d.id = f.id and f.n > @skip order by f.n";

    /// <summary>
    /// p: the first <c>@take</c> matches among the first <c>@window</c> rows of the order (read along its index: the limit
    /// keeps the other conditions out of that read), numbered. When p is a full page, it is the page (with the matches
    /// counted up to <see cref="Counted"/> when <paramref name="counted"/>); else every match (<see cref="AllSql"/>),
    /// which is not read at all otherwise (a one-time filter of its branch).
    /// </summary>
    private string WindowSql(SearchConditions conditions, string? names, string sort, string all, bool counted)
    {
        // The window's rows are named s too, so that the conditions written for the table apply to them as they are.
        var outside = string.Join(" and ", new[] { conditions.Outside(sort), names }.Where(c => !string.IsNullOrEmpty(c)));
        // The matches to count, planned as a whole (through their indexes): under a limit the planner would walk the table.
        var matches = counted ? $"c as materialized (select 1 from {table} s where {conditions.All}), " : "";
        var count = counted ? "(select count(*) from (select 1 from c limit @counted) head)" : "null::bigint";
        return $"with {matches}w as (select s.id, s.price, s.published_at, s.category, s.province, s.labels, s.rating, s.vector from {table} s " +
            $"where {conditions.Inside(sort)} order by {Order(sort, "s")} limit @window), " +
            $"p as materialized (select s.id, row_number() over (order by {Order(sort, "s")}) as n from w s " +
            $"{(outside.Length > 0 ? "where " + outside : "")} order by {Order(sort, "s")} limit @take), " +
            $"hit as (select count(*) = @take as yes from p), {all}, " +
            $"f as (select p.id, p.n, {count} as total, false as whole from p where (select yes from hit) " +
            $"union all select a.id, a.n, (select count(*) from m), true from a where not (select yes from hit)) {Documents}";
    }

    /// <summary>The rows of a page statement (id, n, document, total, whole: the total counts every match).</summary>
    private async Task<(int Found, List<Guid> Ids, Dictionary<Guid, Product> Products, long? Total, bool Whole)> ReadPageAsync(
        NpgsqlDataReader reader, CancellationToken ct)
    {
        var (found, ids, products, total, whole) = (0, new List<Guid>(), new Dictionary<Guid, Product>(), (long?)null, false);
        while (await reader.ReadAsync(ct))
        {
            found++;
            total = reader.IsDBNull(3) ? null : reader.GetInt64(3);
            whole = reader.GetBoolean(4);
            if (reader.IsDBNull(2)) continue;
            var product = sql.Read(reader, 2);
            ids.Add(product.Id);
            products[product.Id] = product;
        }
        return (found, ids, products, total, whole);
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
