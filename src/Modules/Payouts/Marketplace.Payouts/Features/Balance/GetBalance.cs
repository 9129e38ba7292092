using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Balance;

/// <summary>A cooperative's balance (API.md "What the balance means"); zero before its first sale.</summary>
internal sealed record GetBalance(Guid CooperativeId) : IRequest<GetBalance.View>
{
    /// <param name="Payable">what the next payout would pay: available - owedToPlatform.</param>
    /// <param name="Held">the net of card sales under a dispute: never paid out until it closes.</param>
    internal sealed record View(Money Available, Money Pending, Money OwedToPlatform, Money Held, Money Payable, DateTimeOffset? UpdatedAt);
}

internal sealed class GetBalanceHandler(IPayoutsStore store) : IRequestHandler<GetBalance, GetBalance.View>
{
    public async Task<GetBalance.View> Handle(GetBalance query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var ledger = await session.LoadAsync<CooperativeLedger>(query.CooperativeId, ct) ?? CooperativeLedger.Empty(query.CooperativeId);
        return new GetBalance.View(ledger.Available, ledger.Pending, ledger.OwedToPlatform, ledger.Held, ledger.Payable, ledger.LastPostedAt);
    }
}

internal static class GetBalanceEndpoint
{
    public static void Map(RouteGroupBuilder cooperative) => cooperative.MapGet("/balance",
            async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.EnsureCanSeeAsync(id, user, ct);
                return TypedResults.Ok(await mediator.Send(new GetBalance(id), ct));
            })
        .WithSummary("The cooperative's balance: available, pending, owed to the platform, held (disputed)");
}
