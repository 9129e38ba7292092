using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.CommissionRules;
using Marketplace.Payouts.Domain.Ledger;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Commission;

/// <summary>New commission rates, in force from now: sales already placed keep the rates they were placed with.</summary>
internal sealed record SetCommissionRates(decimal? DefaultRate, IReadOnlyDictionary<string, decimal>? CategoryRates, Guid By = default)
    : IRequest<CommissionRatesView>;

internal sealed record CommissionRatesView(decimal DefaultRate, IReadOnlyDictionary<string, decimal> CategoryRates, DateTimeOffset? EffectiveFrom)
{
    public static CommissionRatesView Of(CommissionRates r) => new(r.DefaultRate, r.CategoryRates, r.EffectiveFrom);
}

internal sealed class SetCommissionRatesValidator : AbstractValidator<SetCommissionRates>
{
    public SetCommissionRatesValidator()
    {
        RuleFor(x => x.DefaultRate).NotNull().InclusiveBetween(0m, CommissionRates.MaxRate)
            .Must(r => r is null || IsRate(r.Value)).WithMessage("A rate has at most 4 decimals (0.125 is 12.5%).");
        RuleFor(x => x.CategoryRates).Must(r => r is null || r.Count <= 200).WithMessage("At most 200 category rates.");
        RuleFor(x => x.CategoryRates)
            .Must(r => r is null || r.Keys.All(k => !string.IsNullOrWhiteSpace(k) && k.Trim().Length <= 64))
            .WithMessage("A category is a code of 1 to 64 characters.")
            .Must(r => r is null || r.Keys.Select(k => k.Trim()).Distinct().Count() == r.Count)
            .WithMessage("A category appears twice.")
            .Must(r => r is null || r.Values.All(IsRate))
            .WithMessage(x => $"Rates are between 0 and {CommissionRates.MaxRate} with at most 4 decimals: "
                + string.Join(", ", x.CategoryRates!.Where(r => !IsRate(r.Value)).Select(r => r.Key)) + ".");
    }

    private static bool IsRate(decimal r) => r is >= 0m and <= CommissionRates.MaxRate && decimal.Round(r, 4) == r;
}

internal sealed class SetCommissionRatesHandler(IPayoutsStore store, TimeProvider clock) : IRequestHandler<SetCommissionRates, CommissionRatesView>
{
    public Task<CommissionRatesView> Handle(SetCommissionRates cmd, CancellationToken ct) => Concurrency.RetryOnConflictAsync(async () =>
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<CommissionSchedule>(CommissionSchedule.StreamId, ct);
        var now = clock.GetUtcNow();
        var latest = stream.Aggregate?.Versions.LastOrDefault()?.EffectiveFrom;
        if (latest >= now) now = latest.Value.AddTicks(1); // versions stay in order, even with a clock that went back
        var set = new CommissionRatesSet(cmd.DefaultRate!.Value,
            (cmd.CategoryRates ?? new Dictionary<string, decimal>()).ToDictionary(r => r.Key.Trim(), r => r.Value), now, cmd.By);
        stream.AppendOne(set);
        await session.SaveChangesAsync(ct);
        return new CommissionRatesView(set.DefaultRate, set.CategoryRates, set.EffectiveFrom);
    }, ct);
}

internal static class SetCommissionRatesEndpoint
{
    internal sealed record Body(decimal? DefaultRate, Dictionary<string, decimal>? CategoryRates);

    public static void Map(RouteGroupBuilder admin) => admin.MapPut("/commission",
            async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetCommissionRates(body.DefaultRate, body.CategoryRates, user.UserId()), ct)))
        .WithSummary("Set the commission rates (0 to 0.5), in force for orders placed from now on");
}
