using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;
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

    /// <summary>The names of these cooperatives in the page's language (for lists of payouts).</summary>
    protected static async Task<IReadOnlyDictionary<Guid, string>> CooperativeNamesAsync(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0) return new Dictionary<Guid, string>();
        return (await mediator.Send(new GetCooperativeSummaries(distinct), ct)).ToDictionary(c => c.Id, c => Web.Format.Text(c.Name));
    }
}

/// <summary>Dates, rates and periods of the administration's pages, written for the page's language.</summary>
public static class AdminFormat
{
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    /// <summary>Today in Morocco (the programme's periods are days of Casablanca time).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Morocco).DateTime);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>0.12 as "12 %" (or "12%"), as the language writes percentages.</summary>
    public static string Rate(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.CurrentCulture) + (Web.PageLanguage.Current == "en" ? "%" : " %");

    /// <summary>0.125 as "12,5" (or "12.5"): a rate as the percentage typed in the forms.</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>A typed percentage (0 to 50, at most 2 decimals, comma or point) as a rate; null when it is not one.</summary>
    public static decimal? ParsePercent(string? typed)
    {
        var text = typed?.Trim().TrimEnd('%').Trim().Replace('\u066B', '.').Replace(',', '.');
        if (string.IsNullOrEmpty(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)) return null;
        return percent is >= 0m and <= 50m && decimal.Round(percent, 2) == percent ? percent / 100m : null;
    }

    public static string Period(DateOnly start, string granularity) => granularity == "month"
        ? start.ToString("MMM yyyy", CultureInfo.CurrentCulture)
        : start.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
