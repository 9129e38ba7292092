using System.Security.Claims;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>Who works for the cooperative (the owner first), for its staff and administrators.</summary>
internal sealed record GetStaff(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin, PageRequest Page) : IRequest<PagedList<StaffView>>;

internal sealed class GetStaffHandler(ICooperativesStore store, IMediator mediator) : IRequestHandler<GetStaff, PagedList<StaffView>>
{
    public async Task<PagedList<StaffView>> Handle(GetStaff query, CancellationToken ct)
    {
        var cooperative = await store.LoadAsync(query.CooperativeId, ct);
        Access.RequireStaffOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        var users = (await mediator.Send(new GetUsers(cooperative.StaffIds), ct)).ToDictionary(u => u.Id);
        var items = cooperative.Staff.OrderByDescending(s => s.IsOwner).ThenBy(s => s.AddedAt)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .Select(s => new StaffView(s.UserId, users.GetValueOrDefault(s.UserId)?.Email ?? s.Email,
                users.GetValueOrDefault(s.UserId)?.DisplayName, s.IsOwner ? StaffRoles.Owner : StaffRoles.Staff, s.AddedAt))
            .ToList();
        return new PagedList<StaffView>(items, cooperative.Staff.Count, query.Page.Page, query.Page.PageSize);
    }
}

internal static class GetStaffEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/staff",
            async (Guid id, int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetStaff(id, user.UserId(), user.IsAdmin(), PageRequest.From(page, pageSize)), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The cooperative's staff (staff and administrators)");
}
