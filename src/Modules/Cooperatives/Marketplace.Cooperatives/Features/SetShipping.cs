using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

internal sealed class SetShippingPolicyValidator : AbstractValidator<SetShippingPolicy>
{
    public SetShippingPolicyValidator()
    {
        RuleFor(x => x.FlatFee).GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000)
            .Must(Money.HasAtMostTwoDecimals).WithMessage("flatFee has at most 2 decimals.");
        RuleFor(x => x.FreeAbove).GreaterThan(0).LessThanOrEqualTo(1_000_000)
            .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("freeAbove has at most 2 decimals.");
        RuleFor(x => x.Currency).Equal(Money.DefaultCurrency).WithMessage($"Amounts are in {Money.DefaultCurrency}.");
    }
}

internal sealed class SetShippingPolicyHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<SetShippingPolicy, ShippingPolicy>
{
    public async Task<ShippingPolicy> Handle(SetShippingPolicy cmd, CancellationToken ct)
    {
        var flat = new Money(cmd.FlatFee, cmd.Currency);
        var freeAbove = cmd.FreeAbove is { } above ? new Money(above, cmd.Currency) : null;
        await using (var query = store.QuerySession())
            if (await DeliveryFeeLimit.CurrentAsync(query, ct) is var limit && flat > limit)
                throw new ValidationFailed("flatFee", $"The delivery fee is at most {limit.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {limit.Currency} per order (the platform's limit).");
        await store.UpdateAsync(cmd.CooperativeId, c => Management.SetShipping(c, cmd.ActorId, flat, freeAbove, clock.GetUtcNow()), ct);
        return new ShippingPolicy(cmd.CooperativeId, flat.Amount, freeAbove?.Amount, flat.Currency);
    }
}

internal static class SetShippingEndpoint
{
    internal sealed record Body(Money? FlatFee, Money? FreeAbove);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/shipping", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                if (body.FlatFee is null) throw new ValidationFailed("flatFee", "flatFee is required: {\"amount\": 25.00, \"currency\": \"MAD\"}.");
                if (body.FreeAbove is { } f && f.Currency != body.FlatFee.Currency)
                    throw new ValidationFailed("freeAbove", "freeAbove is in the currency of flatFee.");
                var policy = await mediator.Send(new SetShippingPolicy(id, user.UserId(), body.FlatFee.Amount, body.FreeAbove?.Amount,
                    body.FlatFee.Currency), ct);
                return TypedResults.Ok(View(policy));
            })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Set the delivery fee of each sub-order and the amount above which it is waived (staff)");

    private static ShippingView View(ShippingPolicy p) =>
        new(new Money(p.FlatFee, p.Currency), p.FreeAbove is { } f ? new Money(f, p.Currency) : null);
}
