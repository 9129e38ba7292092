using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

/// <summary>Publishing needs a verified cooperative; unpublishing is always allowed to its staff.</summary>
internal sealed class PublishProductHandler(ICatalogueStore store, IMediator mediator, TimeProvider clock)
    : IRequestHandler<PublishProduct, ProductState>, IRequestHandler<UnpublishProduct, ProductState>
{
    public async Task<ProductState> Handle(PublishProduct cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: true, ct);
        await FoodRule.RequireFoodSafetyAsync(store, mediator, cmd.CooperativeId, cmd.ProductId, MoroccoTime.Today(clock), ct);
        return await store.ChangeProductAsync(cmd.CooperativeId, cmd.ProductId, p => ProductDecisions.Publish(p, cmd.ActingUserId, clock.GetUtcNow()), ct);
    }

    public async Task<ProductState> Handle(UnpublishProduct cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: false, ct);
        return await store.ChangeProductAsync(cmd.CooperativeId, cmd.ProductId, p => ProductDecisions.Unpublish(p, cmd.ActingUserId, clock.GetUtcNow()), ct);
    }
}

internal static class PublishProductEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{productId:guid}/publish", (Guid cooperativeId, Guid productId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new PublishProduct(cooperativeId, productId, user.UserId()), ct))
            .WithSummary("Publish a product (staff of a verified cooperative)");
        group.MapPost("/{productId:guid}/unpublish", (Guid cooperativeId, Guid productId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UnpublishProduct(cooperativeId, productId, user.UserId()), ct))
            .WithSummary("Take a product out of the shop (staff)");
    }
}
