using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marketplace.Tourism.Contracts;
using MediatR;

namespace Marketplace.Orders.Features;

/// <summary>A cart's bookings at checkout: their seats asked of Tourism, and why they cannot be had.</summary>
internal static class BookingCheckout
{
    /// <summary>Null when the cart books nothing.</summary>
    public static async Task<SeatReservation?> ReserveSeatsAsync(IMediator mediator, Guid orderId, IReadOnlyList<CartBooking> bookings, string hash,
        CancellationToken ct) =>
        bookings.Count == 0 ? null
            : await mediator.Send(new ReserveSeatsForCheckout(orderId, bookings.Select(b => new SeatLine(b.SlotId, b.Participants, b.Private)).ToList(), hash), ct);

    /// <summary>An unknown slot is 400 (naming it); a full, closed or past-cutoff slot is 409 with each slot's places left.</summary>
    public static void ThrowRefusal(SeatReservation seats)
    {
        var unknown = seats.Shortages.Where(s => s.Reason == "unknown").ToList();
        if (unknown.Count > 0) throw new ValidationFailed("lines", $"There is no slot {string.Join(", ", unknown.Select(s => s.SlotId))}.");
        var code = seats.Shortages.All(s => s.Reason is "booking_closed" or "closed") ? "booking_closed" : "not_enough_seats";
        throw new DomainRuleViolated(code, "Not enough places: " + string.Join("; ", seats.Shortages.Select(s =>
            $"slot {s.SlotId}: {s.Requested} asked, {s.Available} left ({s.Reason.Replace('_', ' ')})")) + ". Nothing was reserved.")
        {
            Details = new Dictionary<string, object?> { ["slots"] = seats.Shortages },
        };
    }
}
