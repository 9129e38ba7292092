namespace Marketplace.BuildingBlocks;

/// <summary>
/// A page of a list, as every list of the API answers: {items, total, page, pageSize, totalExact}. The shop's search
/// counts exactly up to 1,000 matches; beyond, its total may be an estimate (totalExact false). Other lists are exact.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize, bool TotalExact = true);

/// <summary>?page=1&amp;pageSize=20, pageSize at most 100.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["page starts at 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        if (errors.Count > 0) throw new ValidationFailed(errors);
        return new PageRequest(page ?? 1, pageSize ?? 20);
    }
}
