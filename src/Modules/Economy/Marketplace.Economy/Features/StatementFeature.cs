using System.Globalization;
using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

/// <summary>A member's statement for a period: for the cooperative's staff and for herself.</summary>
internal sealed class GetMemberStatementHandler(IEconomyStore store, EconomyAccess access, TimeProvider clock)
    : IRequestHandler<GetMemberStatement, MemberStatement>
{
    public async Task<MemberStatement> Handle(GetMemberStatement query, CancellationToken ct)
    {
        var today = Inputs.Today(clock);
        var from = query.From is null ? new DateOnly(today.Year, 1, 1) : Inputs.Day(query.From) ?? throw new ValidationFailed("from", "from is a date: yyyy-MM-dd.");
        var to = query.To is null ? today : Inputs.Day(query.To) ?? throw new ValidationFailed("to", "to is a date: yyyy-MM-dd.");
        if (to < from) throw new ValidationFailed("to", "to cannot be before from.");
        var (register, member) = await access.StaffOrHerselfAsync(query.CooperativeId, query.MemberId, query.ViewerId, ct);
        await using var session = store.QuerySession();
        var lines = await session.Query<MemberEntry>().Where(e => e.MemberId == member.Id && e.CooperativeId == query.CooperativeId && e.Date <= to)
            .ToListAsync(ct);
        var f = StatementMath.Of(lines, from, to);
        return new MemberStatement(register.CooperativeId, register.Name, member.Id, member.FullName, from, to, Inputs.Mad(f.Opening),
            f.Supplies.Select(s => EntryViews.Supply(s, register)).ToList(), f.Payments.Select(EntryViews.Payment).ToList(),
            f.SurplusShares.Select(EntryViews.Surplus).ToList(), Inputs.Mad(f.SuppliesTotal), Inputs.Mad(f.PaymentsTotal), Inputs.Mad(f.SurplusTotal),
            Inputs.Mad(f.Closing));
    }
}

/// <summary>The statement as CSV: one line per entry in date order, with the running balance, between the opening and closing lines.</summary>
internal static class StatementCsv
{
    public static string Write(MemberStatement s)
    {
        var lines = s.Supplies.Select(x => (x.Date, Kind: x.Reverses is null ? "supply" : "correction",
                Detail: $"{x.Item} {Num(x.Quantity)} {x.Unit} x {Num(x.UnitPrice.Amount)}" + (x.Lot is null ? "" : $" lot {x.Lot}"), x.Amount.Amount, x.RecordedAt))
            .Concat(s.Payments.Select(x => (x.Date, Kind: x.Advance ? "advance" : "payment", Detail: x.Method + (x.Note is null ? "" : $" {x.Note}"),
                Amount: -x.Amount.Amount, x.RecordedAt)))
            .Concat(s.SurplusShares.Select(x => (x.Date, Kind: "surplus_share", Detail: $"{x.FinancialYear}", x.Amount.Amount, RecordedAt: DateTimeOffset.MinValue)))
            .OrderBy(x => x.Date).ThenBy(x => x.RecordedAt).ToList();
        var csv = new StringBuilder("date,kind,detail,amount,balance\n");
        var balance = s.Opening.Amount;
        csv.Append(Row(s.From, "opening", s.FullName, 0m, balance));
        foreach (var l in lines) csv.Append(Row(l.Date, l.Kind, l.Detail, l.Amount, balance += l.Amount));
        csv.Append(Row(s.To, "closing", s.FullName, 0m, s.Closing.Amount));
        return csv.ToString();
    }

    private static string Row(DateOnly date, string kind, string detail, decimal amount, decimal balance) =>
        $"{date:yyyy-MM-dd},{kind},{Cell(detail)},{Num(amount)},{Num(balance)}\n";

    internal static string Num(decimal d) => d.ToString("0.00###", CultureInfo.InvariantCulture);

    /// <summary>Quoted when needed; a cell that a spreadsheet would run as a formula starts with a quote.</summary>
    internal static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}

internal static class StatementEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/members/{memberId:guid}/statement",
                (Guid id, Guid memberId, string? from, string? to, string? format, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    AnswerAsync(id, memberId, from, to, format == "csv" || http.Request.Headers.Accept.ToString().Contains("text/csv"), http, mediator, ct))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("A member's statement for a period (staff; the member herself); CSV with ?format=csv or Accept: text/csv");
        group.MapGet("/{id:guid}/members/{memberId:guid}/statement.csv",
                (Guid id, Guid memberId, string? from, string? to, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    AnswerAsync(id, memberId, from, to, csv: true, http, mediator, ct))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("A member's statement as CSV (staff; the member herself)");
    }

    private static async Task<IResult> AnswerAsync(Guid id, Guid memberId, string? from, string? to, bool csv, HttpContext http, IMediator mediator,
        CancellationToken ct)
    {
        var statement = await mediator.Send(new GetMemberStatement(id, http.User.UserId(), memberId, from, to), ct);
        if (!csv) return TypedResults.Ok(statement);
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(StatementCsv.Write(statement))).ToArray(),
            "text/csv; charset=utf-8", $"statement-{statement.From:yyyyMMdd}-{statement.To:yyyyMMdd}.csv");
    }
}
