using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Contracts;
using Marketplace.Host.Web;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// The programme's dashboard: sales by province, category and cooperative over time (charts drawn by
/// /js/admin-charts.js from a JSON block, with the same figures in tables), cooperatives and their members.
/// </summary>
public sealed class DashboardModel(IMediator mediator, Texts texts, TimeProvider clock) : AdminPage
{
    public static readonly string[] Granularities = ["day", "week", "month"];
    private const int SeriesInChart = 6;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Granularity { get; set; }

    public SalesReport? Report { get; private set; }
    public CooperativeFigures Figures { get; private set; } = null!;
    /// <summary>The members' economy of the period, per cooperative (totals only), with the cooperatives' names.</summary>
    public IReadOnlyList<CooperativeEconomyTotals> MembersIncome { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> CooperativeNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Morocco).DateTime);
        To ??= AdminFormat.Iso(today);
        From ??= AdminFormat.Iso(new DateOnly(today.Year, today.Month, 1).AddMonths(-11));
        Granularity = Granularities.Contains(Granularity) ? Granularity : "month";
        Figures = await mediator.Send(new GetCooperativeFigures(), ct);

        var (from, to) = (AdminFormat.ParseDay(From), AdminFormat.ParseDay(To));
        if (from is null) ModelState.AddModelError(nameof(From), texts["admin.dash.baddate"]);
        if (to is null) ModelState.AddModelError(nameof(To), texts["admin.dash.baddate"]);
        if (from is null || to is null) return;
        if (from <= to)
        {
            MembersIncome = await mediator.Send(new GetEconomyTotals(from.Value, to.Value), ct);
            CooperativeNames = (await mediator.Send(new GetCooperativeSummaries(MembersIncome.Select(t => t.CooperativeId).ToList()), ct))
                .ToDictionary(c => c.Id, c => Format.Text(c.Name));
        }
        try { Report = await mediator.Send(new GetSalesReport(from.Value, to.Value, Granularity!, Lang), ct); }
        catch (ValidationFailed failed)
        {
            ModelState.AddErrors(failed, new Dictionary<string, string>
            {
                ["from"] = texts["admin.dash.from"], ["to"] = texts["admin.dash.to"], ["granularity"] = texts["admin.dash.granularity"],
            });
        }
    }

    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    /// <summary>The charts' data for /js/admin-charts.js: labels of the periods and, per chart, its biggest series (the rest summed).</summary>
    public string ChartData()
    {
        var report = Report!;
        object Chart(IReadOnlyList<SalesSeries> series) => Top(series).Select(s => new { label = s.Name, data = s.Amounts }).ToList();
        return JsonSerializer.Serialize(new
        {
            locale = System.Globalization.CultureInfo.CurrentCulture.Name,
            rtl = PageLanguage.IsRightToLeft,
            currency = report.Currency,
            labels = report.Periods.Select(p => AdminFormat.Period(p, report.Granularity)).ToList(),
            charts = new
            {
                province = Chart(report.ByProvince),
                category = Chart(report.ByCategory),
                cooperative = Chart(report.ByCooperative),
            },
        });
    }

    private IEnumerable<SalesSeries> Top(IReadOnlyList<SalesSeries> series)
    {
        var selling = series.Where(s => s.Total != 0).ToList();
        if (selling.Count <= SeriesInChart) return selling;
        var rest = selling.Skip(SeriesInChart - 1).ToList();
        var others = Enumerable.Range(0, Report!.Periods.Count).Select(i => rest.Sum(s => s.Amounts[i])).ToList();
        return selling.Take(SeriesInChart - 1).Append(new SalesSeries("others", texts["admin.dash.others"], others, others.Sum()));
    }
}
