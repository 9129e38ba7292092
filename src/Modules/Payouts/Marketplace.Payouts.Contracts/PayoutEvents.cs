using MediatR;

namespace Marketplace.Payouts.Contracts;

// Integration events of the Payouts module, published by its outbox after commit, at least once: receivers are
// idempotent, keyed by EventId.

/// <summary>A payout left the platform: marked sent to the bank (bank transfer) or paid by Stripe (Connect transfer).</summary>
public sealed record PayoutSentIntegrationEvent(Guid EventId, Guid PayoutId, DateTimeOffset At) : INotification;

/// <summary>A payout came back: returned by the bank, or its transfer failed. Its amount is available to the cooperative again.</summary>
/// <param name="Reason">the bank's evidence or the failure's reason.</param>
public sealed record PayoutReturnedIntegrationEvent(Guid EventId, Guid PayoutId, string Reason, DateTimeOffset At) : INotification;

/// <summary>One payout as administrators see it; null when unknown.</summary>
public sealed record GetPayout(Guid PayoutId) : IRequest<AdminPayout?>;
