using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

/// <summary>Per cooperative totals of a period, for the programme's administrators: counts and sums, never a member's own line.</summary>
internal sealed class GetEconomyTotalsHandler(IEconomyStore store, IMediator mediator) : IRequestHandler<GetEconomyTotals, IReadOnlyList<CooperativeEconomyTotals>>
{
    public async Task<IReadOnlyList<CooperativeEconomyTotals>> Handle(GetEconomyTotals query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var lines = await session.Query<MemberEntry>().Where(e => e.Date >= query.From && e.Date <= query.To).ToListAsync(ct);
        var totals = new List<CooperativeEconomyTotals>();
        foreach (var g in lines.GroupBy(l => l.CooperativeId))
        {
            var register = await mediator.Send(new GetMemberRegister(g.Key), ct);
            decimal Sum(string kind) => g.Where(e => e.Kind == kind).Sum(e => e.Amount);
            totals.Add(new CooperativeEconomyTotals(g.Key, register?.On(query.To).Count ?? 0,
                g.Where(e => e.Kind == EntryKinds.Supply).GroupBy(e => e.MemberId).Count(m => m.Sum(e => e.Amount) > 0),
                g.Where(e => e.Kind == EntryKinds.Payment).Select(e => e.MemberId).Distinct().Count(),
                Inputs.Mad(Sum(EntryKinds.Supply)), Inputs.Mad(Sum(EntryKinds.Payment)), Inputs.Mad(Sum(EntryKinds.Surplus))));
        }
        return totals.OrderByDescending(t => t.PaidToMembers.Amount).ToList();
    }
}

internal static class TotalsEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/member-economy",
            async (string? from, string? to, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var today = Inputs.Today(clock);
                var f = from is null ? new DateOnly(today.Year, 1, 1) : Inputs.Day(from) ?? throw new ValidationFailed("from", "from is a date: yyyy-MM-dd.");
                var t = to is null ? today : Inputs.Day(to) ?? throw new ValidationFailed("to", "to is a date: yyyy-MM-dd.");
                if (t < f) throw new ValidationFailed("to", "to cannot be before from.");
                var items = await mediator.Send(new GetEconomyTotals(f, t), ct);
                return TypedResults.Ok(new
                {
                    from = f, to = t, items,
                    membersPaid = items.Sum(i => i.MembersPaid),
                    paidToMembers = Inputs.Mad(items.Sum(i => i.PaidToMembers.Amount)),
                });
            })
        .WithSummary("Members' economy totals per cooperative for a period (administrators; no member's own figures)");
}
