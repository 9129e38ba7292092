using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/impact: what the platform did for the region's cooperatives over a period, from its own records (anyone).</summary>
public sealed class ImpactModel(IMediator mediator, TimeProvider clock, Texts texts) : PageModel
{
    private Texts Texts => texts;
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public Impact Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = MoroccoTime.Today(clock);
        var to = DateOnly.TryParseExact(To, "yyyy-MM-dd", out var t) ? t : today;
        var from = DateOnly.TryParseExact(From, "yyyy-MM-dd", out var f) ? f : new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        try { Figures = await mediator.Send(new GetImpact(from, to, PageLanguage.Current), ct); }
        catch (ValidationFailed) { Figures = await mediator.Send(new GetImpact(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today, PageLanguage.Current), ct); }
        (From, To) = (Figures.From.ToString("yyyy-MM-dd"), Figures.To.ToString("yyyy-MM-dd"));
    }

    /// <summary>The charts' data for /js/impact-charts.js (the tables beside them hold the same figures).</summary>
    public string ChartData()
    {
        static object Bars(IEnumerable<(string Label, decimal Amount)> lines) =>
            new { labels = lines.Select(l => l.Label).ToList(), data = lines.Select(l => l.Amount).ToList() };
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            locale = System.Globalization.CultureInfo.CurrentCulture.Name,
            rtl = PageLanguage.IsRightToLeft,
            currency = Figures.Sales.Total.Currency,
            label = Texts["impact.amount"],
            charts = new
            {
                month = Bars(Figures.Sales.ByMonth.Select(m => (Month(m.Month), m.Amount.Amount))),
                province = Bars(Figures.Sales.ByProvince.Select(p => (p.Name, p.Amount.Amount))),
                category = Bars(Figures.Sales.ByCategory.Select(c => (c.Name, c.Amount.Amount))),
            },
        });
    }

    /// <summary>"2026-03" as the page's language writes a month ("mars 2026").</summary>
    public static string Month(string yyyyMm) =>
        DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            .ToString("MMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}
