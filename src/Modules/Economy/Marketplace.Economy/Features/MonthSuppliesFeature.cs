using System.Globalization;
using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

/// <summary>The supplies of a month with totals by item (staff), and what the supply form starts from.</summary>
internal sealed class GetMonthSuppliesHandler(IEconomyStore store, EconomyAccess access, IMediator mediator, TimeProvider clock)
    : IRequestHandler<GetMonthSupplies, MonthSupplies>
{
    public async Task<MonthSupplies> Handle(GetMonthSupplies query, CancellationToken ct)
    {
        var register = await access.StaffAsync(query.CooperativeId, query.ViewerId, ct);
        var first = Month(query.Month, clock);
        var last = first.AddMonths(1).AddDays(-1);
        await using var session = store.QuerySession();
        var lines = await session.Query<MemberEntry>()
            .Where(e => e.CooperativeId == query.CooperativeId && e.Kind == EntryKinds.Supply && e.Date >= first && e.Date <= last)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.RecordedAt).ToListAsync(ct);
        var latest = await session.Query<MemberEntry>()
            .Where(e => e.CooperativeId == query.CooperativeId && e.Kind == EntryKinds.Supply && e.Reverses == null)
            .OrderByDescending(e => e.RecordedAt).Take(200).ToListAsync(ct);
        var byItem = lines.GroupBy(l => (l.Item, l.Unit)).Select(g => new ItemTotal(g.Key.Item ?? "", g.Key.Unit ?? "", g.Sum(l => l.Quantity),
                Inputs.Mad(g.Sum(l => l.Amount)), g.Count(l => l.Reverses is null)))
            .OrderByDescending(i => i.Amount.Amount).ToList();
        var products = await mediator.Send(new GetStaffProducts(query.CooperativeId, query.ViewerId, query.Language, PageSize: 100), ct);
        var items = latest.Select(l => l.Item ?? "").Concat(products.Items.Select(p => p.Name))
            .Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(60).ToList();
        return new MonthSupplies(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), lines.Select(l => EntryViews.Supply(l, register)).ToList(),
            byItem, Inputs.Mad(lines.Sum(l => l.Amount)), latest.FirstOrDefault() is { } l ? EntryViews.Supply(l, register) : null, items);
    }

    private static DateOnly Month(string? month, TimeProvider clock)
    {
        if (month is null) { var today = Inputs.Today(clock); return new DateOnly(today.Year, today.Month, 1); }
        return DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new ValidationFailed("month", "month is yyyy-MM.");
    }
}

internal static class MonthSuppliesEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/supplies",
            async (Guid id, string? month, HttpContext http, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMonthSupplies(id, user.UserId(), month, Language.Of(http)), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The supplies of a month (yyyy-MM, this month by default) with totals by item (staff)");
}
