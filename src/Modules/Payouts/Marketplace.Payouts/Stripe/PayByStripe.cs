using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Payouts.Stripe;

/// <summary>
/// Pays a pending Stripe Connect payout by a transfer to the cooperative's connected account. A transient failure
/// throws (Hangfire tries again, with the same idempotency key: never two transfers); a refusal fails the payout and
/// gives its money back to the cooperative's balance.
/// </summary>
internal sealed record PayByStripe(Guid PayoutId) : IRequest<PayoutStatus?>;

internal sealed class PayByStripeHandler(IPayoutsStore store, IStripeTransfers stripe, TimeProvider clock, ILogger<PayByStripeHandler> logger)
    : IRequestHandler<PayByStripe, PayoutStatus?>
{
    public async Task<PayoutStatus?> Handle(PayByStripe cmd, CancellationToken ct)
    {
        Payout? payout;
        await using (var query = store.QuerySession())
            payout = await query.LoadAsync<Payout>(cmd.PayoutId, ct);
        if (payout is not { Method: PayoutMethod.StripeConnect, Status: PayoutStatus.Pending }) return payout?.Status;

        var outcome = await stripe.TransferAsync(new TransferRequest(payout.Id, payout.Destination, payout.Amount, payout.Reference, payout.Attempt), ct);
        return await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Payout>(payout.Id, ct);
            if (stream.Aggregate!.Status != PayoutStatus.Pending) return stream.Aggregate.Status; // another attempt recorded it
            var now = clock.GetUtcNow();
            if (outcome.TransferId is { } transferId)
                stream.AppendOne(new PayoutPaid(payout.Id, transferId, now));
            else
            {
                logger.LogWarning("Payout {Reference} failed: {Reason}", payout.Reference, outcome.Refusal);
                stream.AppendOne(new PayoutFailed(payout.Id, outcome.Refusal!, now));
                await session.DecideAsync(payout.CooperativeId, ledger => LedgerDecisions.ReturnPayout(ledger, payout.Id, outcome.Refusal!, now), ct);
            }
            await session.SaveChangesAsync(ct);
            return outcome.TransferId is null ? PayoutStatus.Failed : PayoutStatus.Paid;
        }, ct);
    }
}
