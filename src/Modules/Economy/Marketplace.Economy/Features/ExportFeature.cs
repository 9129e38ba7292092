using System.Security.Claims;
using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Marketplace.Economy.Features.StatementCsv;

namespace Marketplace.Economy.Features;

/// <summary>
/// The year's export for the cooperative's filings, one CSV whose first column says what each row is: the members'
/// register (member), the assemblies (assembly) and their decisions (decision), each member's totals for the year
/// (member_total) and the cooperative's (total).
/// </summary>
internal sealed class GetEconomyExportHandler(IEconomyStore store, EconomyAccess access) : IRequestHandler<GetEconomyExport, string>
{
    public async Task<string> Handle(GetEconomyExport query, CancellationToken ct)
    {
        if (query.Year is < 2000 or > 2100) throw new ValidationFailed("year", "year is a year such as 2026.");
        var register = await access.StaffAsync(query.CooperativeId, query.ViewerId, ct);
        var (first, last) = (new DateOnly(query.Year, 1, 1), new DateOnly(query.Year, 12, 31));
        await using var session = store.QuerySession();
        var lines = await session.Query<MemberEntry>()
            .Where(e => e.CooperativeId == query.CooperativeId && e.Date >= first && e.Date <= last).ToListAsync(ct);
        var assemblies = await session.Query<Assembly>().Where(a => a.CooperativeId == query.CooperativeId && a.Date >= first && a.Date <= last)
            .OrderBy(a => a.Date).ToListAsync(ct);
        var csv = new StringBuilder("record,id,name,role,gender,shares,joined_on,left_on,date,kind,present,represented,members,quorum_met,text,for,against,abstain,adopted,supplied,paid,surplus\n");
        void Row(params object?[] cells) => csv.AppendJoin(',', cells.Select(c => c switch
        {
            null => "",
            decimal d => Num(d),
            DateOnly day => day.ToString("yyyy-MM-dd"),
            bool b => b ? "yes" : "no",
            _ => Cell(c.ToString()!),
        })).Append('\n');
        foreach (var m in register.Members.Where(m => m.JoinedOn <= last).OrderBy(m => m.JoinedOn))
            Row("member", m.Id, m.FullName, m.Role, m.Gender, m.Shares, m.JoinedOn, m.LeftOn);
        foreach (var a in assemblies)
        {
            Row("assembly", a.Id, null, null, null, null, null, null, a.Date, a.Kind, a.Present.Count, a.Represented.Count, a.MembersOnDate, a.QuorumMet,
                a.Minutes, null, null, null, null, null, null, a.Surplus?.Amount.Amount);
            foreach (var d in a.Decisions)
                Row("decision", a.Id, null, null, null, null, null, null, a.Date, a.Kind, null, null, null, null, d.Text, d.For, d.Against, d.Abstain, d.Adopted);
        }
        decimal Sum(IEnumerable<MemberEntry> entries, string kind) => entries.Where(e => e.Kind == kind).Sum(e => e.Amount);
        foreach (var g in lines.GroupBy(l => l.MemberId))
            Row("member_total", g.Key, register.Find(g.Key)?.FullName, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, Sum(g, EntryKinds.Supply), Sum(g, EntryKinds.Payment), Sum(g, EntryKinds.Surplus));
        Row("total", query.CooperativeId, null, null, null, register.On(last).Sum(m => m.Shares), null, null, null, null, null, null, register.On(last).Count,
            null, null, null, null, null, null, Sum(lines, EntryKinds.Supply), Sum(lines, EntryKinds.Payment), Sum(lines, EntryKinds.Surplus));
        return csv.ToString();
    }
}

internal static class ExportEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/economy/export.csv",
            async (Guid id, int? year, ClaimsPrincipal user, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var y = year ?? Inputs.Today(clock).Year - 1;
                var csv = await mediator.Send(new GetEconomyExport(id, user.UserId(), y), ct);
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                    $"cooperative-{y}.csv");
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The year's members' register, assemblies and totals as CSV, for the cooperative's filings (staff)");
}
