using MediatR;

namespace Marketplace.Tourism.Contracts;

/// <summary>How much of the price a shopper who cancels gets back: all of it until 24 hours, 72 hours or 7 days before the start, nothing after.</summary>
public static class CancellationPolicies
{
    public const string Day = "24h";
    public const string ThreeDays = "72h";
    public const string Week = "7d";
    public static readonly IReadOnlyList<string> All = [Day, ThreeDays, Week];

    public static TimeSpan Notice(string policy) => policy switch
    {
        Day => TimeSpan.FromHours(24), ThreeDays => TimeSpan.FromHours(72), Week => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "24h, 72h or 7d"),
    };
}

/// <summary>
/// The staff of a verified cooperative offer a visit, a workshop or a stay. Texts are by language (ar, fr, en, zgh; one of
/// ar, fr, en at least); amounts in MAD. Bad input is ValidationFailed; another cooperative's staff are Forbidden.
/// </summary>
public sealed record CreateExperience(Guid CooperativeId, Guid ActorId, ExperienceInput Input) : IRequest<ExperienceView>;

/// <param name="Cancellation">24h, 72h or 7d (<see cref="CancellationPolicies"/>).</param>
/// <param name="PrivateGroupMinimum">the least a private group pays, whatever its size; null when the experience has none.</param>
public sealed record ExperienceInput(IReadOnlyDictionary<string, string>? Title, IReadOnlyDictionary<string, string>? Description,
    string? MeetingPoint, double? Latitude, double? Longitude, int? DurationMinutes, IReadOnlyList<string>? Languages,
    IReadOnlyDictionary<string, string>? Included, int? MinimumAge, string? Accessibility, decimal? PricePerPerson, decimal? ChildPrice,
    decimal? PrivateGroupMinimum, string? Cancellation, IReadOnlyDictionary<string, string>? Bring = null);

/// <summary>
/// The staff open a slot: <paramref name="StartsAt"/> is a day and time in Africa/Casablanca ("2027-03-06T09:00"), or an
/// instant with its offset; bookings close <paramref name="CutoffHours"/> before it (12 by default).
/// </summary>
public sealed record OpenSlot(Guid CooperativeId, Guid ExperienceId, Guid ActorId, string? StartsAt, int? Capacity, int? CutoffHours = null,
    string? Status = null) : IRequest<SlotView>;

/// <summary>
/// The staff open a season of slots in one action: every <paramref name="Weekdays"/> (0 Sunday to 6 Saturday) at
/// <paramref name="Time"/> (HH:mm, Casablanca) from <paramref name="From"/> to <paramref name="To"/> (yyyy-MM-dd, at most a
/// year, at most 200 slots). A slot already open at the same start is kept as it is.
/// </summary>
public sealed record OpenSlotSeries(Guid CooperativeId, Guid ExperienceId, Guid ActorId, string? From, string? To, IReadOnlyList<int>? Weekdays,
    string? Time, int? Capacity, int? CutoffHours = null) : IRequest<IReadOnlyList<SlotView>>;

/// <summary>Slot states: open (book at once), on_request (the cooperative confirms), closed (no booking); cancelled by the cooperative.</summary>
public static class SlotStatuses
{
    public const string Open = "open";
    public const string OnRequest = "on_request";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";
    public static readonly IReadOnlyList<string> All = [Open, OnRequest, Closed];
}

/// <summary>
/// The staff cancel a date they cannot host (weather, illness): no more bookings, and every booking of it is cancelled with a
/// full refund, recorded against the cooperative. Cancelling again finishes what a failure left undone.
/// </summary>
public sealed record CancelSlot(Guid CooperativeId, Guid ExperienceId, Guid SlotId, Guid ActorId, string? Reason) : IRequest<SlotView>;

/// <summary>The cooperative's calendar (staff): its slots of the last week and to come, with who booked each.</summary>
public sealed record GetBookingCalendar(Guid CooperativeId, Guid ViewerId, string Language) : IRequest<IReadOnlyList<CalendarSlot>>;

/// <param name="Bookings">the live bookings (name, phone, participants) of the slot.</param>
public sealed record CalendarSlot(SlotView Slot, string ExperienceTitle, IReadOnlyList<CalendarBooking> Bookings);

/// <param name="Paid">paid by card; else cash is collected on the day.</param>
/// <param name="SubOrderStatus">placed, accepted, delivered (the visit done)...</param>
public sealed record CalendarBooking(Guid OrderId, string Number, Guid SubOrderId, int Participants, decimal Total, string FullName, string Phone,
    bool Paid, string SubOrderStatus, bool OnRequest = false);

/// <summary>
/// The staff add a photo to an experience: JPEG, PNG or WebP (recognised by its bytes), at most 5 MB, at most 8 photos.
/// Answers the photo's address.
/// </summary>
public sealed record AddExperiencePhoto(Guid CooperativeId, Guid ExperienceId, Guid ActorId, byte[]? Content, long Length) : IRequest<string>;

/// <summary>The experiences in the shop (verified cooperatives), those with a slot to book first; q searches their titles.</summary>
public sealed record ListExperiences(string Language, string? Q = null, string? Province = null, int Page = 1, int PageSize = 20)
    : IRequest<ExperiencePage>;

public sealed record ExperiencePage(IReadOnlyList<ExperienceView> Items, long Total, int Page, int PageSize);

/// <summary>An experience with its slots from now on (NotFound when unknown, or its cooperative is not verified).</summary>
public sealed record GetExperience(Guid ExperienceId, string Language) : IRequest<ExperienceView>;

/// <summary>A cooperative's experiences with all their coming slots (its staff).</summary>
public sealed record ListCooperativeExperiences(Guid CooperativeId, Guid ViewerId, string Language) : IRequest<IReadOnlyList<ExperienceView>>;

/// <param name="Title">in the language asked for (or the one it is written in); <paramref name="Titles"/> has them all.</param>
/// <param name="Bring">what to bring, in the asked language.</param>
/// <param name="Photos">the photos' addresses, in order.</param>
/// <param name="CancelledByHost">dates with bookings its cooperative cancelled in the last 12 months (on one experience's answer).</param>
public sealed record ExperienceView(Guid Id, Guid CooperativeId, string Title, IReadOnlyDictionary<string, string> Titles, string Description,
    IReadOnlyDictionary<string, string> Descriptions, string MeetingPoint, double? Latitude, double? Longitude, int DurationMinutes,
    IReadOnlyList<string> Languages, string Included, int? MinimumAge, string? Accessibility, decimal PricePerPerson, decimal? ChildPrice,
    decimal? PrivateGroupMinimum, string Cancellation, string Province, IReadOnlyList<SlotView> Slots, string Currency = "MAD", int? CancelledByHost = null, string Bring = "", IReadOnlyList<string>? Photos = null);

/// <param name="StartsAt">the start with Casablanca's offset.</param>
/// <param name="BookableUntil">bookings close then (the cutoff).</param>
/// <param name="SeatsLeft">the capacity less the seats held or sold.</param>
public sealed record SlotView(Guid Id, Guid ExperienceId, DateTimeOffset StartsAt, int Capacity, int SeatsLeft, string Status,
    DateTimeOffset BookableUntil, bool Bookable);

/// <param name="Participants">the people who come (1 to 50).</param>
/// <param name="Private">the group takes the whole slot (the experience must offer private groups, the slot be booked by no one
/// else): every seat is held for it.</param>
public sealed record SeatLine(Guid SlotId, int Participants, bool Private = false);

/// <summary>What a booking costs: adults at the price per person, children at the child price (the adult price when there is
/// none); a private group pays at least the experience's minimum.</summary>
public static class BookingPrice
{
    public static decimal Of(decimal pricePerPerson, decimal? childPrice, decimal? privateMinimum, int participants, int children, bool privateGroup)
    {
        var kids = Math.Clamp(children, 0, participants);
        var total = (participants - kids) * pricePerPerson + kids * (childPrice ?? pricePerPerson);
        return privateGroup && privateMinimum is { } minimum && minimum > total ? minimum : total;
    }
}

/// <summary>
/// Checkout's question to Tourism: the slots of a cart's booking lines and their seats held for the order, all or none,
/// under each slot's lock (never more than its capacity). Idempotent by order id: a retry of the same request
/// (<paramref name="RequestHash"/>) is answered as it was; another request for the same order is told so and holds nothing.
/// Seats no order takes are given back when the hold expires.
/// </summary>
public sealed record ReserveSeatsForCheckout(Guid OrderId, IReadOnlyList<SeatLine> Lines, string RequestHash) : IRequest<SeatReservation>;

public sealed record SeatReservation(IReadOnlyList<CheckoutSlot> Slots, bool Succeeded, IReadOnlyList<SeatShortage> Shortages,
    bool ReservedForAnotherRequest = false);

/// <param name="Title">by language.</param>
/// <param name="Status">open, or on_request (the cooperative confirms the booking).</param>
public sealed record CheckoutSlot(Guid SlotId, Guid ExperienceId, Guid CooperativeId, IReadOnlyDictionary<string, string> Title,
    DateTimeOffset StartsAt, decimal PricePerPerson, string Currency, string MeetingPoint, string Cancellation, decimal? ChildPrice = null,
    decimal? PrivateGroupMinimum = null, string Status = "open");

/// <param name="Reason">unknown, closed, booking_closed (past the cutoff), not_enough_seats, or for a private group no_private_group
/// (the experience offers none) or not_empty (others booked the slot).</param>
public sealed record SeatShortage(Guid SlotId, int Requested, int Available, string Reason);

/// <summary>A refused checkout gives its seats back at once (its products could not be had); nothing when it holds none.</summary>
public sealed record ReleaseSeatsForCheckout(Guid OrderId) : IRequest<Unit>;

/// <summary>The slots of a shopper's cart as the shop shows them (unknown ids are left out).</summary>
public sealed record GetSlotOffers(IReadOnlyList<Guid> SlotIds, string Language) : IRequest<IReadOnlyList<SlotOffer>>;

/// <param name="Title">in the language asked for.</param>
/// <param name="Bookable">open, before its cutoff, with a place left.</param>
public sealed record SlotOffer(Guid SlotId, Guid ExperienceId, Guid CooperativeId, string Title, DateTimeOffset StartsAt, decimal PricePerPerson,
    int SeatsLeft, bool Bookable, string Currency = "MAD", decimal? ChildPrice = null, decimal? PrivateGroupMinimum = null, int Capacity = 0,
    string Status = "open");
