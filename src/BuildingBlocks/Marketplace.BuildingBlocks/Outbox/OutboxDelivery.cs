using JasperFx.Events;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// An integration event that one receiving module has not taken yet, kept in the publisher's store: it failed there
/// (retried with backoff, then parked), or it waits behind an earlier event of the same stream that this receiver has not
/// taken (per-stream order). Deleted once delivered: events that every receiver took at once leave no trace.
/// </summary>
public sealed class OutboxDelivery
{
    /// <summary>"{outbox}:{receiver}:{event id}:{index}": one per receiver and integration event.</summary>
    public string Id { get; set; } = "";
    public string Outbox { get; set; } = "";
    /// <summary>The receiving module ("payouts", "catalogue"...).</summary>
    public string Receiver { get; set; } = "";
    public Guid EventId { get; set; }
    /// <summary>Which of the integration events its domain event stands for.</summary>
    public int Index { get; set; }
    public long Sequence { get; set; }
    public Guid StreamId { get; set; }
    public string EventType { get; set; } = "";
    public string Message { get; set; } = "";
    public int Attempts { get; set; }
    /// <summary>When it may be tried again; null for one that waits behind another (it is tried as soon as it is first).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set after the last attempt: it waits for an administrator's replay, and so do the later events of its stream.</summary>
    public DateTimeOffset? ParkedAt { get; set; }

    public bool IsParked => ParkedAt is not null;

    public static string IdOf(string outbox, string receiver, Guid eventId, int index) => $"{outbox}:{receiver}:{eventId:N}:{index}";

    public static OutboxDelivery Of(string outbox, string receiver, IEvent e, int index, Type message, DateTimeOffset now) => new()
    {
        Id = IdOf(outbox, receiver, e.Id, index), Outbox = outbox, Receiver = receiver, EventId = e.Id, Index = index, Sequence = e.Sequence,
        StreamId = e.StreamId, EventType = e.EventTypeName, Message = message.Name, QueuedAt = now,
    };

    /// <summary>An attempt failed: tried again after the backoff of its attempt, or parked after the last one.</summary>
    public OutboxDelivery Failed(Exception error, DateTimeOffset now, OutboxOptions options)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = $"{error.GetType().Name}: {error.Message}";
        if (LastError.Length > 2000) LastError = LastError[..2000];
        if (Attempts >= options.Attempts)
        {
            ParkedAt = now;
            NextAttemptAt = null;
        }
        else NextAttemptAt = now + options.BackoffAfter(Attempts);
        return this;
    }

    /// <summary>An administrator asks for it again: it is tried at once, with its attempts counted anew.</summary>
    public void Replay(DateTimeOffset now)
    {
        ParkedAt = null;
        Attempts = 0;
        NextAttemptAt = now;
    }

    public bool IsDue(DateTimeOffset now) => !IsParked && (NextAttemptAt ?? DateTimeOffset.MinValue) <= now;
}
