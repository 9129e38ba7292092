using Marketplace.Payouts.Domain.CommissionRules;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts.Features.Commission;

/// <summary>The commission rates in force now, and every earlier version with when it came into force.</summary>
internal sealed record GetCommissionRates : IRequest<GetCommissionRates.Answer>
{
    internal sealed record Answer(decimal DefaultRate, IReadOnlyDictionary<string, decimal> CategoryRates, DateTimeOffset? EffectiveFrom,
        IReadOnlyList<CommissionRatesView> History);
}

internal sealed class GetCommissionRatesHandler(IPayoutsStore store, TimeProvider clock, IOptions<PayoutsOptions> options)
    : IRequestHandler<GetCommissionRates, GetCommissionRates.Answer>
{
    public async Task<GetCommissionRates.Answer> Handle(GetCommissionRates query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var schedule = await session.LoadAsync<CommissionSchedule>(CommissionSchedule.StreamId, ct) ?? new CommissionSchedule();
        var now = schedule.At(clock.GetUtcNow(), options.Value.DefaultCommissionRate);
        var history = schedule.Versions.OrderByDescending(v => v.EffectiveFrom)
            .Select(v => new CommissionRatesView(v.DefaultRate, v.CategoryRates, v.EffectiveFrom)).ToList();
        return new GetCommissionRates.Answer(now.DefaultRate, now.CategoryRates, now.EffectiveFrom, history);
    }
}

internal static class GetCommissionRatesEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/commission",
            async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCommissionRates(), ct)))
        .WithSummary("The commission rates in force, and their history");
}
