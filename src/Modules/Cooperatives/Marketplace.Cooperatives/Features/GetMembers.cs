using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>
/// The cooperative's members (current ones first, then those who left unless <see cref="CurrentOnly"/>), with the
/// counts of current members by role and by gender. For its staff and administrators only.
/// </summary>
internal sealed record GetMembers(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin, bool CurrentOnly, PageRequest Page) : IRequest<MemberList>;

/// <param name="Current">members who have not left.</param>
/// <param name="ByRole">current members by role (every role, 0 included).</param>
/// <param name="ByGender">current members by gender: female, male, unspecified.</param>
/// <param name="SharesSubscribed">shares held by current members.</param>
internal sealed record MemberCounts(int Current, int Left, IReadOnlyDictionary<string, int> ByRole, IReadOnlyDictionary<string, int> ByGender,
    long SharesSubscribed);

internal sealed record MemberList(IReadOnlyList<MemberView> Items, long Total, int Page, int PageSize, MemberCounts Counts);

internal sealed class GetMembersHandler(ICooperativesStore store) : IRequestHandler<GetMembers, MemberList>
{
    public async Task<MemberList> Handle(GetMembers query, CancellationToken ct)
    {
        var cooperative = await store.LoadAsync(query.CooperativeId, ct);
        Access.RequireStaffOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        var listed = cooperative.Members.Where(m => m.IsCurrent || !query.CurrentOnly)
            .OrderByDescending(m => m.IsCurrent).ThenBy(m => Array.IndexOf(MemberRoles.All, m.Role)).ThenBy(m => m.FullName, StringComparer.InvariantCulture)
            .ToList();
        var items = listed.Skip(query.Page.Skip).Take(query.Page.PageSize).Select(MemberView.Of).ToList();
        return new MemberList(items, listed.Count, query.Page.Page, query.Page.PageSize, Count(cooperative.Members));
    }

    internal static MemberCounts Count(IReadOnlyList<Member> members)
    {
        var current = members.Where(m => m.IsCurrent).ToList();
        return new MemberCounts(current.Count, members.Count - current.Count,
            MemberRoles.All.ToDictionary(r => r, r => current.Count(m => m.Role == r)),
            Genders.All.Append("unspecified").ToDictionary(g => g, g => current.Count(m => (m.Gender ?? "unspecified") == g)),
            current.Sum(m => (long)(m.SharesSubscribed ?? 0)));
    }
}

internal static class GetMembersEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/members",
            async (Guid id, bool? currentOnly, int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new GetMembers(id, user.UserId(), user.IsAdmin(), currentOnly ?? false, PageRequest.From(page, pageSize)), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The cooperative's members, with counts by role and by gender (staff and administrators)");
}
