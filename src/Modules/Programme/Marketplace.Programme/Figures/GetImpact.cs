using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Contracts;
using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Contracts;
using MediatR;

namespace Marketplace.Programme.Figures;

internal sealed class GetImpactHandler(IMediator mediator) : IRequestHandler<GetImpact, Impact>
{
    public async Task<Impact> Handle(GetImpact query, CancellationToken ct)
    {
        if (query.To < query.From) throw new ValidationFailed("to", "to cannot be before from.");
        if (query.To.DayNumber - query.From.DayNumber > 366 * 3) throw new ValidationFailed("to", "A period is at most three years.");
        var sales = await mediator.Send(new GetSalesReport(query.From, query.To, "month", query.Language), ct);
        var selling = sales.ByCooperative.Where(c => c.Total > 0).ToList();
        var womenLed = await mediator.Send(new GetWomenLedCooperatives(selling.Select(c => Guid.Parse(c.Key)).ToList()), ct);
        var womenSales = selling.Where(c => womenLed.Contains(Guid.Parse(c.Key))).Sum(c => c.Total);
        var members = await mediator.Send(new GetEconomyTotals(query.From, query.To), ct);
        var payouts = await mediator.Send(new GetPayoutsMade(query.From, query.To), ct);
        static ImpactMoney Mad(decimal amount) => new(amount);
        return new Impact(query.From, query.To,
            new ImpactSales(Mad(sales.Total), sales.ByProvince.Select(s => new ImpactLine(s.Key, s.Name, Mad(s.Total))).ToList(),
                sales.ByCategory.Select(s => new ImpactLine(s.Key, s.Name, Mad(s.Total))).ToList(),
                sales.Periods.Select((p, i) => new ImpactMonth(p.ToString("yyyy-MM"), Mad(sales.ByProvince.Sum(s => s.Amounts[i])))).ToList()),
            selling.Count, sales.Total == 0 ? 0 : Math.Round(womenSales / sales.Total, 4), members.Sum(m => m.MembersPaid),
            Mad(members.Sum(m => m.PaidToMembers.Amount)), new ImpactPayouts(payouts.Payouts, payouts.Cooperatives, Mad(payouts.Amount)));
    }
}
