using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

internal sealed class SetProductStockValidator : AbstractValidator<SetProductStock>
{
    public SetProductStockValidator() =>
        RuleFor(x => x.Quantity).NotNull().WithMessage("The new quantity on hand is required.")
            .GreaterThanOrEqualTo(0).LessThanOrEqualTo(ListingRules.MaxStock);
}

internal sealed class SetProductStockHandler(ICatalogueStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<SetProductStock, ProductState>
{
    public async Task<ProductState> Handle(SetProductStock cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: false, ct);
        return await store.ChangeProductAsync(cmd.CooperativeId, cmd.ProductId,
            p => ProductDecisions.Count(p, cmd.Quantity!.Value, cmd.ActingUserId, clock.GetUtcNow()), ct);
    }
}

internal static class SetProductStockEndpoint
{
    internal sealed record Body(int? Quantity);

    public static void Map(RouteGroupBuilder group) => group.MapPut("/{productId:guid}/stock",
            (Guid cooperativeId, Guid productId, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetProductStock(cooperativeId, productId, user.UserId(), body.Quantity), ct))
        .WithSummary("Set the quantity on hand (staff); it cannot be less than what checkouts hold");
}
