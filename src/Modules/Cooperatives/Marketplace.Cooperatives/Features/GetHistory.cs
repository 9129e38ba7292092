using System.Security.Claims;
using JasperFx.Events;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>The audit trail: every change of the cooperative, who made it and when. For its staff and administrators.</summary>
internal sealed record GetHistory(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin, PageRequest Page) : IRequest<PagedList<HistoryEntry>>;

/// <param name="Action">what happened: "applied", "verified", "suspended", "staff_added", "payout_account_set"...</param>
/// <param name="Details">what changed; never a payout account's number (only its owner and administrators see it).</param>
internal sealed record HistoryEntry(long Version, string Action, DateTimeOffset At, Guid By, string? ByName, IReadOnlyDictionary<string, object?> Details);

internal sealed class GetHistoryHandler(ICooperativesStore store, IMediator mediator) : IRequestHandler<GetHistory, PagedList<HistoryEntry>>
{
    public async Task<PagedList<HistoryEntry>> Handle(GetHistory query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var cooperative = await session.LoadAsync<Cooperative>(query.CooperativeId, ct) ?? throw new NotFound("The cooperative");
        Access.RequireStaffOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        var events = await session.Events.FetchStreamAsync(query.CooperativeId, token: ct);
        var page = events.Skip(query.Page.Skip).Take(query.Page.PageSize).Select(Describe).ToList();
        var users = await mediator.Send(new GetUsers(page.Select(e => e.By).Distinct().ToList()), ct);
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        return new PagedList<HistoryEntry>(page.Select(e => e with { ByName = names.GetValueOrDefault(e.By) }).ToList(),
            events.Count, query.Page.Page, query.Page.PageSize);
    }

    private static HistoryEntry Describe(IEvent e)
    {
        var (action, by, at, details) = e.Data switch
        {
            CooperativeApplied x => ("applied", x.OwnerId, x.At, Map(("registrationNumber", x.RegistrationNumber), ("province", x.Province), ("name", x.Name))),
            CooperativeVerified x => ("verified", x.By, x.At, Map()),
            CooperativeSuspended x => ("suspended", x.By, x.At, Map(("reason", x.Reason))),
            CooperativeReinstated x => ("reinstated", x.By, x.At, Map()),
            StaffAdded x => ("staff_added", x.By, x.At, Map(("userId", x.UserId), ("email", x.Email))),
            StaffRemoved x => ("staff_removed", x.By, x.At, Map(("userId", x.UserId))),
            MemberAdded x => ("member_added", x.By, x.At, Map(("memberId", x.MemberId), ("fullName", x.FullName), ("role", x.Role))),
            MemberUpdated x => ("member_updated", x.By, x.At, Map(("memberId", x.MemberId), ("fullName", x.FullName), ("role", x.Role))),
            MemberLeft x => ("member_left", x.By, x.At, Map(("memberId", x.MemberId), ("leftOn", x.LeftOn))),
            ShippingPolicySet x => ("shipping_policy_set", x.By, x.At, Map(("flatFee", x.FlatFee), ("freeAbove", x.FreeAbove))),
            PayoutAccountSet x => ("payout_account_set", x.By, x.At, Map(("method", x.Method), ("onHoldUntil", x.OnHoldUntil))),
            TaxIdentitySet x => ("tax_identity_set", x.By, x.At, Map(("ice", x.Ice), ("vatRate", x.VatRate))),
            WomenLedDeclared x => ("women_led_declared", x.By, x.At, Map(("womenLed", x.WomenLed))),
            _ => (e.EventTypeName, Guid.Empty, e.Timestamp, Map()),
        };
        return new HistoryEntry(e.Version, action, at, by, null, details);
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);
}

internal static class GetHistoryEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/history",
            async (Guid id, int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetHistory(id, user.UserId(), user.IsAdmin(), PageRequest.From(page, pageSize)), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The audit trail of a cooperative: every change, who made it and when");
}
