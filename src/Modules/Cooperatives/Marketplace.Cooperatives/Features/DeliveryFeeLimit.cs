using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>
/// The highest delivery fee a cooperative may ask per sub-order, set by administrators (100 MAD until they do). A delivery
/// fee is never commissioned: without a limit, it would be a way to move an item's price out of commission. Checkout never
/// charges more than the limit, whatever a cooperative set before it was lowered.
/// </summary>
internal sealed class DeliveryFeeLimit
{
    public const string Key = "delivery-fee-limit";
    public static readonly Money Default = Money.Mad(100m);

    public string Id { get; set; } = Key;
    public Money MaxFlatFee { get; set; } = Default;
    public DateTimeOffset? SetAt { get; set; }
    public Guid? By { get; set; }

    public static async Task<Money> CurrentAsync(IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<DeliveryFeeLimit>(Key, ct))?.MaxFlatFee ?? Default;
}

internal sealed record SetDeliveryFeeLimit(decimal? MaxFlatFee, string? Currency, Guid By) : IRequest<DeliveryFeeLimit>;

internal sealed class SetDeliveryFeeLimitValidator : AbstractValidator<SetDeliveryFeeLimit>
{
    public SetDeliveryFeeLimitValidator()
    {
        RuleFor(x => x.MaxFlatFee).NotNull().WithMessage("maxFlatFee is required: {\"amount\": 100.00, \"currency\": \"MAD\"}.")
            .GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000)
            .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("maxFlatFee has at most 2 decimals.");
        RuleFor(x => x.Currency).Equal(Money.DefaultCurrency).WithMessage($"Amounts are in {Money.DefaultCurrency}.");
    }
}

internal sealed class SetDeliveryFeeLimitHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<SetDeliveryFeeLimit, DeliveryFeeLimit>
{
    public async Task<DeliveryFeeLimit> Handle(SetDeliveryFeeLimit cmd, CancellationToken ct)
    {
        var limit = new DeliveryFeeLimit { MaxFlatFee = new Money(cmd.MaxFlatFee!.Value, cmd.Currency!), SetAt = clock.GetUtcNow(), By = cmd.By };
        await using var session = store.LightweightSession();
        session.Store(limit);
        await session.SaveChangesAsync(ct);
        return limit;
    }
}

internal static class DeliveryFeeLimitEndpoints
{
    internal sealed record Body(Money? MaxFlatFee);
    internal sealed record View(Money MaxFlatFee, DateTimeOffset? SetAt);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/delivery-fee-limit", async (ICooperativesStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var limit = await session.LoadAsync<DeliveryFeeLimit>(DeliveryFeeLimit.Key, ct) ?? new DeliveryFeeLimit();
                return TypedResults.Ok(new View(limit.MaxFlatFee, limit.SetAt));
            })
            .WithSummary("The highest delivery fee per sub-order (100 MAD until an administrator sets one)");
        admin.MapPut("/delivery-fee-limit", async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var limit = await mediator.Send(new SetDeliveryFeeLimit(body.MaxFlatFee?.Amount, body.MaxFlatFee?.Currency, user.UserId()), ct);
                return TypedResults.Ok(new View(limit.MaxFlatFee, limit.SetAt));
            })
            .WithSummary("Set the highest delivery fee per sub-order: never commissioned, so never a way around commission");
    }
}
