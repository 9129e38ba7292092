namespace Marketplace.Host.Pages.Admin;

/// <summary>Previous and next links of a list that has more than one page.</summary>
public sealed record AdminPager(int Page, int PageSize, long Total, Func<int, string> Link)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
