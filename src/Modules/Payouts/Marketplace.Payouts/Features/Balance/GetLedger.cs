using System.Globalization;
using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Ledger;
using Marten;
using static Marten.Pagination.PagedListQueryableExtensions;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Balance;

/// <summary>A cooperative's ledger entries, newest first, optionally between two days (inclusive, local time).</summary>
internal sealed record GetLedger(Guid CooperativeId, PageRequest Page, DateOnly? From = null, DateOnly? To = null)
    : IRequest<PagedList<GetLedger.Entry>>
{
    internal sealed record Entry(DateTimeOffset At, string Kind, LedgerAccount Account, string Reference, Money Amount, Money BalanceAfter);
}

internal sealed class GetLedgerHandler(IPayoutsStore store, LocalCalendar calendar) : IRequestHandler<GetLedger, PagedList<GetLedger.Entry>>
{
    public async Task<PagedList<GetLedger.Entry>> Handle(GetLedger query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var entries = session.Query<LedgerEntry>().Where(e => e.CooperativeId == query.CooperativeId);
        if (query.From is { } from)
        {
            var start = calendar.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = calendar.EndOf(to);
            entries = entries.Where(e => e.At < end);
        }
        var page = await entries.OrderByDescending(e => e.Version).ThenByDescending(e => e.Leg)
            .ToPagedListAsync(query.Page.Page, query.Page.PageSize, ct);
        return new PagedList<GetLedger.Entry>(page.Select(e => new GetLedger.Entry(e.At, e.Kind, e.Account, e.Reference, e.Amount, e.BalanceAfter)).ToList(),
            page.TotalItemCount, query.Page.Page, query.Page.PageSize);
    }
}

internal static class GetLedgerEndpoint
{
    public static void Map(RouteGroupBuilder cooperative) => cooperative.MapGet("/ledger",
            async (Guid id, int? page, int? pageSize, string? from, string? to, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var paging = PageRequest.From(page, pageSize);
                var (start, end) = (Day(from, "from"), Day(to, "to"));
                await mediator.EnsureCanSeeAsync(id, user, ct);
                return TypedResults.Ok(await mediator.Send(new GetLedger(id, paging, start, end), ct));
            })
        .WithSummary("The cooperative's ledger entries, newest first (?from=&to= days, ?page=&pageSize=)");

    private static DateOnly? Day(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new ValidationFailed(field, "A day is written yyyy-MM-dd.");
}
