using Hangfire;
using MediatR;

namespace Marketplace.Payouts.Stripe;

/// <summary>The Hangfire job that pays one Stripe Connect payout. Public: Hangfire calls it; a transient failure is retried.</summary>
public sealed class StripeTransferJob
{
    private readonly IMediator mediator;

    public StripeTransferJob(IMediator mediator) => this.mediator = mediator;

    [AutomaticRetry(Attempts = 8)]
    public async Task<string?> RunAsync(Guid payoutId, CancellationToken ct) =>
        (await mediator.Send(new PayByStripe(payoutId), ct))?.ToString();
}
