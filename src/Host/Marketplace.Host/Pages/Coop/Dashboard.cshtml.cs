using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using Marketplace.Invoicing.Contracts;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>This month's sales, the orders to handle, a reminder of the tax identity while it is missing, and a sales chart (by day over 30 days, or by week over 12 weeks).</summary>
public sealed class DashboardModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodAsked { get; set; }
    public string Period => PeriodAsked == "week" ? "week" : "day";
    public CooperativeSales Month { get; private set; } = null!;
    public CooperativeSales Chart { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public string MonthName { get; private set; } = "";
    public string ChartJson { get; private set; } = "{}";
    /// <summary>Set while the cooperative has no tax identity: how many delivered sub-orders wait for it to be invoiced.</summary>
    public int? InvoicesWaitingForTaxIdentity { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Morocco).DateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        MonthName = first.ToString("MMMM yyyy", CultureInfo.CurrentCulture);
        Month = await Mediator.Send(new GetCooperativeSales(Id, UserId, first, today), ct);
        Chart = await Mediator.Send(Period == "week"
            ? new GetCooperativeSales(Id, UserId, today.AddDays(-7 * 11), today, "week")
            : new GetCooperativeSales(Id, UserId, today.AddDays(-29), today), ct);
        Counts = await Mediator.Send(new CountCooperativeSubOrders(Id, UserId), ct);
        if (Coop.IsVerified && await Mediator.Send(new GetTaxIdentity(Id), ct) is null)
            InvoicesWaitingForTaxIdentity = await Mediator.Send(new CountInvoicesWaiting(Id), ct);
        ChartJson = JsonSerializer.Serialize(new
        {
            labels = Chart.Points.Select(p => Label(p.Start)).ToArray(),
            values = Chart.Points.Select(p => p.Items).ToArray(),
            label = T["coop.chart.series", Chart.Currency == "MAD" && Lang == "ar" ? "د.م." : Chart.Currency],
            locale = CultureInfo.CurrentCulture.Name,
            rtl = PageLanguage.IsRightToLeft,
        }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default }); // '<' escaped: safe inside the script element
    }

    public string Label(DateOnly start) => Period == "week"
        ? T["coop.chart.weekof", start.ToString("d MMM", CultureInfo.CurrentCulture)]
        : start.ToString("d MMM", CultureInfo.CurrentCulture);
}
