using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;

namespace Marketplace.Orders.Features;

/// <summary>Bookings read from the orders: the shopper's list (and their cancellation), the cooperative's guests by slot.</summary>
internal sealed class ShopperBookingsHandler(IOrdersStore store, IMediator mediator, TimeProvider clock) :
    IRequestHandler<ListShopperBookings, IReadOnlyList<ShopperBooking>>, IRequestHandler<CancelShopperBooking, ShopperBooking>,
    IRequestHandler<GetBookingsOfOrders, IReadOnlyList<SlotBooking>>
{
    public const int MaxOrders = 200;

    public async Task<IReadOnlyList<ShopperBooking>> Handle(ListShopperBookings query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var orders = await session.Query<Order>().Where(o => o.ShopperId == query.ShopperId && o.Status != OrderStatus.PendingPayment)
            .OrderByDescending(o => o.PlacedAt).Take(MaxOrders).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return orders.Where(o => o.Payment.PaidAt is not null || o.Method == PaymentMethod.CashOnDelivery)
            .SelectMany(o => Of(o, query.Language)).OrderBy(b => b.StartsAt < now).ThenBy(b => b.StartsAt < now ? -b.StartsAt.Ticks : b.StartsAt.Ticks).ToList();
    }

    public async Task<ShopperBooking> Handle(CancelShopperBooking cmd, CancellationToken ct)
    {
        var order = await mediator.Send(new CancelBooking(cmd.OrderId, cmd.SlotId, cmd.UserId), ct);
        return Of(order, cmd.Language).First(b => b.SlotId == cmd.SlotId);
    }

    public async Task<IReadOnlyList<SlotBooking>> Handle(GetBookingsOfOrders query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var orders = await session.LoadManyAsync<Order>(ct, query.OrderIds.Distinct());
        return orders.SelectMany(o => o.SubOrders.Where(s => s.CooperativeId == query.CooperativeId && s.Status != SubOrderStatus.Cancelled)
            .SelectMany(s => s.LiveLines().Where(l => l.Booking is not null).Select(l => new SlotBooking(o.Id, o.Number, s.Id, l.ProductId, l.Quantity,
                l.LineTotal.Amount, o.Address?.FullName ?? "", o.Address?.Phone ?? "", Wire.Of(o.Method), o.Payment.PaidAt is not null,
                Snake(s.Status), l.Booking!.OnRequest)))).ToList();
    }

    private static IEnumerable<ShopperBooking> Of(Order o, string language) => o.SubOrders.SelectMany(s => s.Lines.Where(l => l.Booking is not null)
        .Select(l =>
        {
            var b = BookingView.Of(l.Booking!, s.CancelledBooking(l.ProductId), s);
            var refund = b.Refund?.Amount ?? (s.Status == SubOrderStatus.Cancelled && o.Payment.PaidAt is not null ? l.LineTotal.Amount : null);
            return new ShopperBooking(o.Id, o.Number, l.ProductId, b.ExperienceId, s.CooperativeId, LineView.PickName(l.Name, language), b.StartsAt,
                b.MeetingPoint, l.Quantity, l.LineTotal.Amount, l.LineTotal.Currency, Wire.Of(o.Method), o.Payment.PaidAt is not null, b.Status,
                b.Cancellation, b.FreeCancellationUntil, refund, b.CancelledBy, b.CancelNote);
        }));

    private static string Snake(SubOrderStatus s) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());
}
