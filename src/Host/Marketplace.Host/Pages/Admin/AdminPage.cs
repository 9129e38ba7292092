using System.Globalization;
using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// What the administration's pages share: the administrator's id (the folder requires the admin policy), and the
/// confirmation shown after a post-redirect-get.
/// </summary>
public abstract class AdminPage : PageModel
{
    [TempData(Key = "admin.notice")] public string? Notice { get; set; }

    protected Guid AdminId => User.UserId();

    protected string Lang => Web.PageLanguage.Current;

    /// <summary>?page= of a list (read from the query: "page" is also the route value of Razor Pages).</summary>
    protected int QueryPage => int.TryParse(Request.Query["page"], out var page) && page is > 0 and < 100_000 ? page : 1;
}

/// <summary>Dates, rates and periods of the administration's pages, written for the page's language.</summary>
public static class AdminFormat
{
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>0.12 as "12 %" (or "12%"), as the language writes percentages.</summary>
    public static string Rate(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.CurrentCulture) + (Web.PageLanguage.Current == "en" ? "%" : " %");

    public static string Period(DateOnly start, string granularity) => granularity == "month"
        ? start.ToString("MMM yyyy", CultureInfo.CurrentCulture)
        : start.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
