using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Integration;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>
/// Whether women lead a cooperative counts in the programme's figures (its women-led share of sales). The board's register
/// says it when it is kept; a cooperative whose register is not on the platform (or whose women lead it otherwise) declares it.
/// </summary>
internal sealed class WomenLedHandlers(ICooperativesStore store, TimeProvider clock) :
    IRequestHandler<GetWomenLed, WomenLed>, IRequestHandler<DeclareWomenLed, WomenLed>
{
    public async Task<WomenLed> Handle(GetWomenLed query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var cooperative = await session.LoadAsync<Cooperative>(query.CooperativeId, ct) ?? throw new NotFound("The cooperative");
        Access.RequireStaffOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        return Of(cooperative);
    }

    public async Task<WomenLed> Handle(DeclareWomenLed cmd, CancellationToken ct) =>
        Of(await store.UpdateAsync(cmd.CooperativeId, c =>
        {
            Access.RequireOwner(c, cmd.OwnerId);
            return c.WomenLedDeclared == cmd.WomenLed ? [] : [new WomenLedDeclared(c.Id, cmd.WomenLed, cmd.OwnerId, clock.GetUtcNow())];
        }, ct));

    private static WomenLed Of(Cooperative c)
    {
        var board = MemberRegisterHandler.BoardIsWomenLed(c.Members);
        return new WomenLed(c.WomenLedDeclared, board, c.WomenLedDeclared ?? board);
    }
}

internal static class WomenLedEndpoints
{
    internal sealed record Body(bool? WomenLed);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/women-led", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWomenLed(id, user.UserId(), user.IsAdmin()), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Whether women lead the cooperative: {declared, fromBoard, isWomenLed} (staff, admin)");
        group.MapPut("/{id:guid}/women-led", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeclareWomenLed(id, user.UserId(), body.WomenLed), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Declare whether women lead the cooperative: {womenLed: true | false | null (as the board's register shows)} (owner)");
    }
}
