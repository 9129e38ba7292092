using MediatR;

namespace Marketplace.Notifications.Contracts;

/// <summary>
/// The e-mails and SMS the platform sent or is sending, newest first, for administrators: <paramref name="State"/> pending,
/// sent or failed (all when null). Bad filters are ValidationFailed ("State").
/// </summary>
public sealed record ListOutgoingMessages(string? State = null, int Page = 1, int PageSize = 50) : IRequest<OutgoingMessagePage>;

/// <param name="CountsByState">pending, sending, sent, failed, whatever the filter.</param>
public sealed record OutgoingMessagePage(IReadOnlyList<OutgoingMessageItem> Items, long Total, int Page, int PageSize,
    IReadOnlyDictionary<string, int> CountsByState);

/// <param name="Channel">"email" or "sms".</param>
/// <param name="Kind">what it tells: order_confirmed, sub_order_new, sub_order_shipped...</param>
public sealed record OutgoingMessageItem(string Id, string Channel, string Kind, string To, string Language, string Subject, string State,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>
/// An administrator sends a failed message again (after fixing the mail server or the address): it is pending again with
/// fresh attempts and a sender takes it at once. NotFound when unknown; DomainRuleViolated "not_failed" otherwise.
/// </summary>
public sealed record RetryOutgoingMessage(string Id) : IRequest<OutgoingMessageItem>;
