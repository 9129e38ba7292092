using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>A cooperative's profile. A pending or suspended one is shown only to its staff and administrators (else 404).</summary>
internal sealed record GetCooperative(Guid CooperativeId, Guid? ViewerId, bool ViewerIsAdmin, string Language) : IRequest<CooperativeProfile>;

/// <summary>A cooperative's profile, with its rating of the last 12 months (Reviews').</summary>
internal sealed class GetCooperativeHandler(ICooperativesStore store, IMediator mediator) : IRequestHandler<GetCooperative, CooperativeProfile>
{
    public async Task<CooperativeProfile> Handle(GetCooperative query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var cooperative = await session.LoadAsync<Cooperative>(query.CooperativeId, ct);
        if (cooperative is null || !Access.CanSee(cooperative, query.ViewerId, query.ViewerIsAdmin)) throw new NotFound("The cooperative");
        return CooperativeViews.Profile(cooperative, query.Language) with
        {
            Rating = await mediator.Send(new Marketplace.Reviews.Contracts.GetCooperativeRating(cooperative.Id), ct),
        };
    }
}

internal static class GetCooperativeEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}",
            async (Guid id, HttpContext http, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCooperative(id, user.ViewerId(), user.IsAdmin(), Language.Of(http)), ct)))
        .AllowAnonymous()
        .WithSummary("A cooperative's profile");
}

