using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Host.Pages.Shop;

/// <summary>Links to the pages of a list, keeping the other parameters of the query.</summary>
public sealed record Pager(string Path, IReadOnlyDictionary<string, string?> Query, int Page, int PageSize, long Total)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Link(int page)
    {
        var query = Query.Where(q => !string.IsNullOrWhiteSpace(q.Value) && q.Key != "page")
            .Append(new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(Path, query);
    }
}
