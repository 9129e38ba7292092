using Hangfire;
using MediatR;

namespace Marketplace.Payouts.Stripe;

/// <summary>The Hangfire job that pays one Stripe Connect payout. Public: Hangfire calls it; a transient failure is retried.</summary>
public sealed class StripeTransferJob
{
    private readonly IMediator mediator;

    public StripeTransferJob(IMediator mediator) => this.mediator = mediator;

    /// <summary>
    /// Retried for about 8 hours in all (within the 24 hours during which Stripe answers a repeated idempotency key with its
    /// first answer; after them, the transfer's group, the payout reference, still finds a transfer already made). After
    /// that the payout stays pending (GET /api/admin/payouts?status=pending) and a new run of its period enqueues it again.
    /// </summary>
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [15, 60, 300, 900, 1800, 3600, 7200, 14400])]
    public async Task<string?> RunAsync(Guid payoutId, CancellationToken ct) =>
        (await mediator.Send(new PayByStripe(payoutId), ct))?.ToString();
}
