using System.Globalization;
using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Ledger;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Balance;

/// <summary>A month of a cooperative's ledger as a CSV file (UTF-8 with a BOM, so that spreadsheets show Arabic).</summary>
internal sealed record GetStatement(Guid CooperativeId, int Year, int Month, string Language) : IRequest<byte[]>;

internal sealed class GetStatementHandler(IPayoutsStore store, LocalCalendar calendar, IMediator mediator) : IRequestHandler<GetStatement, byte[]>
{
    public static readonly string[] Header = ["date", "cooperative", "kind", "account", "reference", "amount", "balance_after", "currency"];

    public async Task<byte[]> Handle(GetStatement query, CancellationToken ct)
    {
        var (from, to) = calendar.Month(query.Year, query.Month);
        IReadOnlyList<LedgerEntry> entries;
        await using (var session = store.QuerySession())
            entries = await session.Query<LedgerEntry>()
                .Where(e => e.CooperativeId == query.CooperativeId && e.At >= from && e.At < to)
                .OrderBy(e => e.Version).ThenBy(e => e.Leg).ToListAsync(ct);
        var summary = (await mediator.Send(new GetCooperativeSummaries([query.CooperativeId]), ct)).FirstOrDefault();
        var name = summary is null ? "" : PickName(summary.Name, query.Language);
        return Csv.Write(Header, entries.Select(e => (IReadOnlyList<string>)[
            calendar.Local(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Csv.Text(name), e.Kind, AccountName(e.Account),
            Csv.Text(e.Reference), Csv.Amount(e.Amount.Amount), Csv.Amount(e.BalanceAfter.Amount), e.Amount.Currency]));
    }

    internal static string AccountName(LedgerAccount account) => account switch
    {
        LedgerAccount.OwedToPlatform => "owed_to_platform",
        _ => account.ToString().ToLowerInvariant(),
    };

    private static string PickName(IReadOnlyDictionary<string, string> names, string language) =>
        new[] { language, "ar", "fr", "en", "zgh" }.Select(l => names.GetValueOrDefault(l)).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "";
}

internal static class GetStatementEndpoint
{
    public static void Map(RouteGroupBuilder cooperative) => cooperative.MapGet("/statements/{month}.csv",
            async (Guid id, string month, HttpContext http, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                    throw new ValidationFailed("month", "A month is written yyyy-MM, such as 2026-11.");
                await mediator.EnsureCanSeeAsync(id, user, ct);
                var csv = await mediator.Send(new GetStatement(id, first.Year, first.Month, Language.Of(http)), ct);
                return TypedResults.File(csv, "text/csv; charset=utf-8", $"statement-{month}.csv");
            })
        .WithSummary("The cooperative's statement of a month (yyyy-MM) as CSV");
}
