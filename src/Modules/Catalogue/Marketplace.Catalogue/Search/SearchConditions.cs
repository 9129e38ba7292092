using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// A search's conditions in SQL over the search table (alias <c>s</c>), with their parameters. <see cref="Inside"/>: those
/// the window's read along the sort's index keeps (published, not suspended, the cooperative asked, and the price bounds
/// when the order is the price's: conditions on the index itself); <see cref="Outside"/>: the others, checked on the
/// window's rows (categories, province, label, rating, words), whose matches may lie anywhere along that order.
/// </summary>
internal sealed class SearchConditions
{
    private readonly List<string> always = [];
    private readonly List<string> prices = [];
    private readonly List<string> others = [];

    public Dictionary<string, object> Parameters { get; } = new() { ["published"] = ProductStatus.Published };

    public string All => Join(always.Concat(prices).Concat(others));

    public string Inside(string sort) => Join(sort is "price" or "-price" ? always.Concat(prices) : always);

    public string Outside(string sort) => Join(sort is "price" or "-price" ? others : prices.Concat(others));

    public static SearchConditions Of(ProductFilter filter, string suspended)
    {
        var c = new SearchConditions();
        c.always.AddRange(["s.status = @published", $"not (s.cooperative_id = any({suspended}))"]);
        c.Add(c.always, "s.cooperative_id = @cooperative", "cooperative", filter.CooperativeId);
        c.Add(c.prices, "s.price >= @min", "min", filter.MinPrice);
        c.Add(c.prices, "s.price <= @max", "max", filter.MaxPrice);
        c.Add(c.others, "s.category = any(@categories)", "categories", filter.Categories?.ToArray());
        c.Add(c.others, "s.labels @> array[@label]::text[]", "label", filter.Label);
        c.Add(c.others, "s.province = @province", "province", filter.Province);
        c.Add(c.others, "s.rating >= @minRating", "minRating", filter.MinRating);
        if (!filter.Text.IsEmpty)
        {
            var (tsquery, textParameters) = filter.Text.ToSql();
            c.others.Add($"s.vector @@ {tsquery}");
            foreach (var (k, v) in textParameters) c.Parameters[k] = v;
        }
        return c;
    }

    private void Add(List<string> into, string condition, string name, object? value)
    {
        if (value is null) return;
        into.Add(condition);
        Parameters[name] = value;
    }

    private static string Join(IEnumerable<string> conditions) => string.Join(" and ", conditions);
}
