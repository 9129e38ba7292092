using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Features;
using Marten;
using MediatR;

namespace Marketplace.Orders.Reports;

internal sealed class GetSalesReportValidator : AbstractValidator<GetSalesReport>
{
    public GetSalesReportValidator()
    {
        RuleFor(x => x.Granularity).Must(g => SalesPeriods.Granularities.Contains(g)).WithMessage("granularity is one of day, week, month.");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).WithMessage("to is on or after from.");
        RuleFor(x => x.To).Must((x, to) => SalesPeriods.Starts(x.From, to, x.Granularity).Count <= SalesPeriods.MaxPeriods)
            .When(x => x.To >= x.From && SalesPeriods.Granularities.Contains(x.Granularity))
            .WithMessage($"A report has at most {SalesPeriods.MaxPeriods} periods: choose a shorter range or longer periods.");
    }
}

/// <summary>
/// Sales read from the order documents (inline, so a report sees the last order at once). Provinces and names of
/// cooperatives come from Cooperatives, names of categories from Catalogue.
/// </summary>
internal sealed class GetSalesReportHandler(IOrdersStore store, IMediator mediator) : IRequestHandler<GetSalesReport, SalesReport>
{
    public async Task<SalesReport> Handle(GetSalesReport query, CancellationToken ct)
    {
        var periods = SalesPeriods.Starts(query.From, query.To, query.Granularity);
        var (from, to) = (SalesPeriods.StartOf(query.From), SalesPeriods.StartOf(query.To.AddDays(1)));
        await using var session = store.QuerySession();
        var orders = await session.Query<Order>()
            .Where(o => o.OpenToCooperatives && o.PlacedAt >= from && o.PlacedAt < to).ToListAsync(ct);

        // One sale per line of every sub-order still standing: (period index, cooperative, category, amount).
        var sales = orders.SelectMany(o => o.SubOrders.Where(s => s.Status != SubOrderStatus.Cancelled).Select(s => (Order: o, Sub: s)))
            .SelectMany(x => x.Sub.Lines.Select(l => (Period: SalesPeriods.IndexOf(periods, SalesPeriods.LocalDay(x.Order.PlacedAt), query.Granularity),
                x.Sub.CooperativeId, l.Category, l.LineTotal.Amount)))
            .ToList();
        var subOrders = orders.Sum(o => o.SubOrders.Count(s => s.Status != SubOrderStatus.Cancelled));

        var cooperatives = (await mediator.Send(new GetCooperativeSummaries(sales.Select(s => s.CooperativeId).Distinct().ToList()), ct))
            .ToDictionary(c => c.Id);
        var categories = (await mediator.Send(new GetCategoryNames(sales.Select(s => s.Category).Distinct().ToList()), ct))
            .ToDictionary(c => c.Code, c => c.Name);
        string ProvinceOf(Guid cooperative) => cooperatives.GetValueOrDefault(cooperative)?.Province ?? "";

        var byProvince = Provinces.All.Select(p => Series(p.Code, p.Name.Pick(query.Language),
            sales.Where(s => ProvinceOf(s.CooperativeId) == p.Code).Select(s => (s.Period, s.Amount)), periods.Count)).ToList();
        var byCategory = sales.GroupBy(s => s.Category).Select(g => Series(g.Key,
                categories.TryGetValue(g.Key, out var name) ? LineView.PickName(name, query.Language) : g.Key,
                g.Select(s => (s.Period, s.Amount)), periods.Count))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var byCooperative = sales.GroupBy(s => s.CooperativeId).Select(g => Series(g.Key.ToString(),
                cooperatives.TryGetValue(g.Key, out var c) ? LineView.PickName(c.Name, query.Language) : g.Key.ToString(),
                g.Select(s => (s.Period, s.Amount)), periods.Count))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.InvariantCulture).ToList();

        return new SalesReport(query.From, query.To, query.Granularity, Money.DefaultCurrency, periods, sales.Sum(s => s.Amount), subOrders,
            byProvince, byCategory, byCooperative);
    }

    private static SalesSeries Series(string key, string name, IEnumerable<(int Period, decimal Amount)> sales, int periods)
    {
        var amounts = new decimal[periods];
        foreach (var (period, amount) in sales) amounts[period] += amount;
        return new SalesSeries(key, name, amounts, amounts.Sum());
    }
}

/// <summary>Periods of a report in Morocco's calendar (Africa/Casablanca): days, weeks from Monday, months.</summary>
internal static class SalesPeriods
{
    public const int MaxPeriods = 400;
    public static readonly string[] Granularities = ["day", "week", "month"];
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    public static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Morocco).DateTime);

    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Morocco.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, Morocco.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly PeriodOf(DateOnly day, string granularity) => granularity switch
    {
        "month" => new DateOnly(day.Year, day.Month, 1),
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => day,
    };

    public static IReadOnlyList<DateOnly> Starts(DateOnly from, DateOnly to, string granularity)
    {
        var starts = new List<DateOnly>();
        for (var start = PeriodOf(from, granularity); start <= to && starts.Count <= MaxPeriods; start = Next(start, granularity))
            starts.Add(start);
        return starts;
    }

    public static int IndexOf(IReadOnlyList<DateOnly> starts, DateOnly day, string granularity)
    {
        var period = PeriodOf(day, granularity);
        var index = starts is List<DateOnly> list ? list.BinarySearch(period) : starts.ToList().BinarySearch(period);
        return Math.Clamp(index, 0, starts.Count - 1);
    }

    private static DateOnly Next(DateOnly start, string granularity) => granularity switch
    {
        "month" => start.AddMonths(1),
        "week" => start.AddDays(7),
        _ => start.AddDays(1),
    };
}
