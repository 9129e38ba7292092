using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Tourism.Features;

/// <summary>
/// The cooperative's calendar: its slots from a week ago on (at most 300), each with its bookings as Orders knows them (who,
/// how many, their phone, paid by card or cash on the day), for the staff to welcome, call or cancel.
/// </summary>
internal sealed class BookingCalendarHandler(ITourismStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<GetBookingCalendar, IReadOnlyList<CalendarSlot>>
{
    public const int MaxSlots = 300;

    public async Task<IReadOnlyList<CalendarSlot>> Handle(GetBookingCalendar query, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(query.CooperativeId, query.ViewerId, mustBeVerified: false, ct);
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession();
        var slots = await session.Query<Slot>().Where(s => s.CooperativeId == query.CooperativeId && s.StartsAt > now.AddDays(-7))
            .OrderBy(s => s.StartsAt).Take(MaxSlots).ToListAsync(ct);
        var experiences = (await session.LoadManyAsync<Experience>(ct, slots.Select(s => s.ExperienceId).Distinct())).ToDictionary(e => e.Id);
        var orders = slots.SelectMany(s => s.Seats.Keys).Distinct().ToList();
        var bookings = orders.Count == 0 ? [] : await mediator.Send(new GetBookingsOfOrders(query.CooperativeId, orders), ct);
        var bySlot = bookings.ToLookup(b => b.SlotId);
        return slots.Select(s => new CalendarSlot(ExperienceViews.Of(s, now), LocalizedText.Pick(experiences[s.ExperienceId].Fields.Title, query.Language),
            bySlot[s.Id].Select(b => new CalendarBooking(b.OrderId, b.Number, b.SubOrderId, b.Participants, b.Total, b.FullName, b.Phone, b.Paid,
                b.SubOrderStatus, b.OnRequest)).ToList())).ToList();
    }
}

internal static class BookingCalendarEndpoint
{
    public static void Map(RouteGroupBuilder cooperatives) => cooperatives.MapGet("/{id:guid}/calendar",
            async (Guid id, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBookingCalendar(id, user.UserId(), Language.Of(http)), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The cooperative's slots from a week ago on, with who booked them: name, phone, participants, payment (staff)");
}
