namespace Marketplace.Host.Pages.Coop;

/// <summary>Previous / next links of a list. <see cref="Link"/> ends with "?" or "&amp;": the page number is added.</summary>
public sealed record Pager(int Page, int PageSize, long Total, string Link)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
