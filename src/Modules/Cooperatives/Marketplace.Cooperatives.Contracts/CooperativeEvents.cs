using MediatR;

namespace Marketplace.Cooperatives.Contracts;

// Integration events of the Cooperatives module, published by its outbox after commit, at least once:
// receivers are idempotent, keyed by EventId.

/// <summary>Someone applied for a new cooperative: administrators have one more to verify.</summary>
/// <param name="Name">by language.</param>
/// <param name="Invitation">the fair's invitation it applied with (Programme's GetInvitation), if any.</param>
public sealed record CooperativeAppliedIntegrationEvent(Guid EventId, Guid CooperativeId, IReadOnlyDictionary<string, string> Name,
    string Province, DateTimeOffset At, string? Invitation = null) : INotification;

public sealed record CooperativeVerifiedIntegrationEvent(Guid EventId, Guid CooperativeId, DateTimeOffset At) : INotification;

/// <summary>A suspended cooperative sells nothing: its products leave the shop until it is reinstated.</summary>
public sealed record CooperativeSuspendedIntegrationEvent(Guid EventId, Guid CooperativeId, DateTimeOffset At) : INotification;

public sealed record CooperativeReinstatedIntegrationEvent(Guid EventId, Guid CooperativeId, DateTimeOffset At) : INotification;

/// <param name="Method">"bank_transfer" or "stripe_connect".</param>
public sealed record PayoutAccountChangedIntegrationEvent(Guid EventId, Guid CooperativeId, string Method, DateTimeOffset? OnHoldUntil,
    DateTimeOffset At) : INotification;

/// <summary>The owner set or changed what the cooperative's invoices say: invoices waiting for it can be issued.</summary>
public sealed record TaxIdentitySetIntegrationEvent(Guid EventId, Guid CooperativeId, DateTimeOffset At) : INotification;
