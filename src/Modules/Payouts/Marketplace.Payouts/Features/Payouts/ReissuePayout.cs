using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Runs;
using Marketplace.Payouts.Jobs;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Payouts;

/// <summary>
/// A failed or returned payout is paid again, to the cooperative's payout account of now: into the next bank batch, or by a
/// new Stripe attempt. Its amount is taken from the ledger again in the same transaction, so it is never paid twice: a
/// payout whose money was paid out since (in a later payout) is refused, and so is a second reissue (it is pending again).
/// </summary>
internal sealed record ReissuePayout(Guid PayoutId, Guid By) : IRequest<PayoutView>;

internal sealed class ReissuePayoutHandler(IPayoutsStore store, IMediator mediator, IPayoutJobs jobs, TimeProvider clock)
    : IRequestHandler<ReissuePayout, PayoutView>
{
    public async Task<PayoutView> Handle(ReissuePayout cmd, CancellationToken ct)
    {
        var view = await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Payout>(cmd.PayoutId, ct);
            var payout = stream.Aggregate?.Copy() ?? throw new NotFound("The payout");
            var account = await mediator.Send(new GetPayoutAccount(payout.CooperativeId), ct)
                ?? throw new DomainRuleViolated("no_payout_account", "The cooperative has no payout account: it cannot be paid.");
            var (method, destination) = RunPayoutsHandler.Destination(account);
            var now = clock.GetUtcNow();
            var reissued = PayoutDecisions.Reissue(payout, method, destination, cmd.By, now);
            stream.AppendOne(reissued);
            payout.Apply(reissued);
            await session.DecideAsync(payout.CooperativeId, ledger => [LedgerDecisions.RedebitPayout(ledger, payout.Id, payout.Amount, payout.Reference, now)], ct);
            await session.SaveChangesAsync(ct);
            return PayoutView.Of(payout);
        }, ct);
        if (view.Method == PayoutMethod.StripeConnect) jobs.PayByStripe(view.Id); // after commit
        return view;
    }
}

internal static class ReissuePayoutEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/payouts/{id:guid}/reissue",
            async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReissuePayout(id, user.UserId()), ct)))
        .WithSummary("Pay a failed or returned payout again (the next bank batch, or a new Stripe attempt), never twice");
}
