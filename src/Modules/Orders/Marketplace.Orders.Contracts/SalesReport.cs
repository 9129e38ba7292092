using MediatR;

namespace Marketplace.Orders.Contracts;

/// <summary>
/// The programme's sales between two days (Morocco's calendar, both included), by period: what shoppers bought from
/// the cooperatives (the items of sub-orders, without delivery fees), counted when the order was placed once it is
/// firm (cash on delivery at once, card once paid), cancelled sub-orders left out. Bad input is ValidationFailed
/// ("To" before "From", "Granularity" not day/week/month, more than 400 days by day or 36 months by month...).
/// </summary>
/// <param name="Granularity">"day", "week" (weeks start on Monday) or "month".</param>
/// <param name="Language">picks the names of provinces, categories and cooperatives ("ar", "fr", "en", "zgh").</param>
public sealed record GetSalesReport(DateOnly From, DateOnly To, string Granularity, string Language) : IRequest<SalesReport>;

/// <param name="Periods">the first day of each period, in order; every series has one amount per period.</param>
/// <param name="Total">every sale of the report; <paramref name="SubOrders"/> counts the cooperatives' parts of orders.</param>
/// <param name="ByProvince">every province of the region (the cooperative's province), in the region's order.</param>
/// <param name="ByCategory">categories that sold, biggest first.</param>
/// <param name="ByCooperative">cooperatives that sold, biggest first.</param>
public sealed record SalesReport(DateOnly From, DateOnly To, string Granularity, string Currency, IReadOnlyList<DateOnly> Periods,
    decimal Total, int SubOrders, IReadOnlyList<SalesSeries> ByProvince, IReadOnlyList<SalesSeries> ByCategory,
    IReadOnlyList<SalesSeries> ByCooperative);

/// <param name="Key">a province code, a category code or a cooperative id.</param>
/// <param name="Name">in the asked language, falling back to another it has.</param>
/// <param name="Amounts">one per period of the report, 2 decimals.</param>
public sealed record SalesSeries(string Key, string Name, IReadOnlyList<decimal> Amounts, decimal Total);
