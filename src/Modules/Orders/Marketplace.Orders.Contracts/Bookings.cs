using MediatR;

namespace Marketplace.Orders.Contracts;

// Bookings (order lines {slotId, participants}) as the shopper's and the cooperative's pages show them.

/// <summary>The shopper's bookings in their orders (not those of orders never paid), the coming ones first, then the past.</summary>
public sealed record ListShopperBookings(Guid ShopperId, string Language) : IRequest<IReadOnlyList<ShopperBooking>>;

/// <summary>The shopper cancels one booking: refunded in full until <see cref="ShopperBooking.FreeCancellationUntil"/>, not after (card).</summary>
public sealed record CancelShopperBooking(Guid OrderId, Guid SlotId, Guid UserId, string Language) : IRequest<ShopperBooking>;

/// <param name="Status">booked, requested (on request, not confirmed yet), cancelled, given_up (cancelled after the free cancellation: not refunded) or done.</param>
/// <param name="Title">the experience's title in the asked language.</param>
/// <param name="Paid">paid by card (else cash on the day).</param>
/// <param name="Refund">what came back (or comes back) to the card when it was cancelled.</param>
public sealed record ShopperBooking(Guid OrderId, string Number, Guid SlotId, Guid ExperienceId, Guid CooperativeId, string Title,
    DateTimeOffset StartsAt, string MeetingPoint, int Participants, decimal Total, string Currency, string PaymentMethod, bool Paid, string Status,
    string Cancellation, DateTimeOffset FreeCancellationUntil, decimal? Refund, string? CancelledBy, string? CancelNote);

/// <summary>Who booked: the live bookings in this cooperative's sub-orders of these orders (the caller checks its staff).</summary>
public sealed record GetBookingsOfOrders(Guid CooperativeId, IReadOnlyList<Guid> OrderIds) : IRequest<IReadOnlyList<SlotBooking>>;

/// <param name="FullName">the shopper's name and <paramref name="Phone"/>, from the order's address.</param>
/// <param name="Paid">paid by card; else the cooperative collects cash on the day.</param>
/// <param name="SubOrderStatus">placed, accepted, delivered (the visit done)...</param>
public sealed record SlotBooking(Guid OrderId, string Number, Guid SubOrderId, Guid SlotId, int Participants, decimal Total, string FullName,
    string Phone, string PaymentMethod, bool Paid, string SubOrderStatus, bool OnRequest = false);
