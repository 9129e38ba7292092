using Marketplace.BuildingBlocks;

namespace Marketplace.Tourism.Domain;

/// <param name="StartsAt">the instant it starts (UTC); its day and time are Casablanca's.</param>
[EventName("tourism.slot_opened")]
internal sealed record SlotOpened(Guid SlotId, Guid ExperienceId, Guid CooperativeId, DateTimeOffset StartsAt, int Capacity, int CutoffHours,
    string Status, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>Seats held for an order while its checkout completes (like stock: the order turns them into a booking, or they go back).</summary>
[EventName("tourism.seats_reserved")]
internal sealed record SeatsReserved(Guid SlotId, Guid OrderId, int Participants, DateTimeOffset At) : IDomainEvent;

[EventName("tourism.seats_released")]
internal sealed record SeatsReleased(Guid SlotId, Guid OrderId, int Participants, string Reason, DateTimeOffset At) : IDomainEvent;

/// <summary>The cooperative cancelled the date: no more bookings; each booking of it is cancelled with a full refund, against it.</summary>
[EventName("tourism.slot_cancelled")]
internal sealed record SlotCancelled(Guid SlotId, Guid CooperativeId, string Reason, int Bookings, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>A date and time a cooperative hosts an experience, with its seats (a stream per slot: seats are taken under its lock).</summary>
internal sealed class Slot
{
    public Guid Id { get; set; }
    public Guid ExperienceId { get; set; }
    public Guid CooperativeId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int Capacity { get; set; }
    public int CutoffHours { get; set; }
    public string Status { get; set; } = Contracts.SlotStatuses.Open;
    /// <summary>Seats held or booked, by order.</summary>
    public Dictionary<Guid, int> Seats { get; set; } = [];

    public string? CancelReason { get; set; }
    public Guid? CancelledBy { get; set; }

    public bool IsCancelled => Status == Contracts.SlotStatuses.Cancelled;
    public int SeatsLeft => Math.Max(0, Capacity - Seats.Values.Sum());
    public DateTimeOffset BookableUntil => StartsAt.AddHours(-CutoffHours);
    public bool IsBookable(DateTimeOffset now) => Status is Contracts.SlotStatuses.Open or Contracts.SlotStatuses.OnRequest && now < BookableUntil
        && SeatsLeft > 0;

    public void Apply(SlotOpened e) =>
        (Id, ExperienceId, CooperativeId, StartsAt, Capacity, CutoffHours, Status) = (e.SlotId, e.ExperienceId, e.CooperativeId, e.StartsAt,
            e.Capacity, e.CutoffHours, e.Status);

    public void Apply(SlotCancelled e) => (Status, CancelReason, CancelledBy) = (Contracts.SlotStatuses.Cancelled, e.Reason, e.By);

    public void Apply(SeatsReserved e) => Seats[e.OrderId] = e.Participants;
    public void Apply(SeatsReleased e) => Seats.Remove(e.OrderId);
}

/// <summary>What may happen to a slot's seats: never more held than its capacity, once per order, not after the cutoff.</summary>
internal static class SlotDecisions
{
    public const int MaxParticipants = 50;

    /// <summary>Why <paramref name="participants"/> seats (or, for a private group, the whole slot) cannot be held for an order now; null when they can.</summary>
    public static string? CannotReserve(Slot? slot, int participants, DateTimeOffset now, bool privateGroup = false, Experience? experience = null) => slot switch
    {
        null => "unknown",
        { Status: Contracts.SlotStatuses.Closed or Contracts.SlotStatuses.Cancelled } => "closed",
        _ when now >= slot.BookableUntil => "booking_closed",
        _ when participants > slot.SeatsLeft => "not_enough_seats",
        _ when privateGroup && experience?.Fields.PrivateGroupMinimum is null => "no_private_group",
        _ when privateGroup && slot.Seats.Count > 0 => "not_empty",
        _ => null,
    };

    /// <summary>The seats for the order: none more when it holds them already (a retry).</summary>
    public static IReadOnlyList<IDomainEvent> Reserve(Slot slot, Guid orderId, int participants, DateTimeOffset now)
    {
        if (slot.Seats.ContainsKey(orderId)) return [];
        if (CannotReserve(slot, participants, now) is { } reason)
            throw new DomainRuleViolated(reason, $"The slot cannot take {participants} more participant(s): {reason.Replace('_', ' ')}.");
        return [new SeatsReserved(slot.Id, orderId, participants, now)];
    }

    public static IReadOnlyList<IDomainEvent> Release(Slot slot, Guid orderId, string reason, DateTimeOffset now) =>
        slot.Seats.TryGetValue(orderId, out var held) ? [new SeatsReleased(slot.Id, orderId, held, reason, now)] : [];
}
