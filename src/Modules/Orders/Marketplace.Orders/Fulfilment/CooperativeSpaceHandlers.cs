using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Features;
using Marten;
using MediatR;

namespace Marketplace.Orders.Fulfilment;

// The cooperative space's requests (Contracts/CooperativeFulfilment.cs), through the module's own fulfilment use cases.

internal sealed class DeliverSubOrderValidator : AbstractValidator<DeliverSubOrder>
{
    public DeliverSubOrderValidator() => RuleFor(x => x.CashCollected).GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000_000)
        .Must(c => c is null || Money.HasAtMostTwoDecimals(c.Value)).WithMessage("The cash collected has at most 2 decimals.")
        .OverridePropertyName("cashCollected");
}

internal sealed class CooperativeQueueHandler(IMediator mediator, IOrdersStore store) :
    IRequestHandler<ListCooperativeSubOrders, CooperativeSubOrderPage>,
    IRequestHandler<AcceptSubOrder, CooperativeSubOrder>,
    IRequestHandler<ShipSubOrder, CooperativeSubOrder>,
    IRequestHandler<DeliverSubOrder, CooperativeSubOrder>,
    IRequestHandler<CountCooperativeSubOrders, IReadOnlyDictionary<string, int>>
{
    public async Task<CooperativeSubOrderPage> Handle(ListCooperativeSubOrders query, CancellationToken ct)
    {
        var list = await mediator.Send(new ListCooperativeOrders(query.CooperativeId, query.UserId, IsAdmin: false,
            string.IsNullOrWhiteSpace(query.Status) ? null : query.Status, PageRequest.From(query.Page, query.PageSize)), ct);
        return new CooperativeSubOrderPage(list.Items.Select(x => Of(x.Order, x.SubOrder, query.Language)).ToList(), list.Total, list.Page,
            list.PageSize);
    }

    public Task<CooperativeSubOrder> Handle(AcceptSubOrder cmd, CancellationToken ct) =>
        Move(new MoveSubOrder(cmd.CooperativeId, cmd.SubOrderId, cmd.UserId, MoveSubOrder.Move.Accept), cmd.Language, ct);

    public Task<CooperativeSubOrder> Handle(ShipSubOrder cmd, CancellationToken ct) =>
        Move(new MoveSubOrder(cmd.CooperativeId, cmd.SubOrderId, cmd.UserId, MoveSubOrder.Move.Ship, cmd.Carrier, cmd.TrackingNumber),
            cmd.Language, ct);

    public Task<CooperativeSubOrder> Handle(DeliverSubOrder cmd, CancellationToken ct) =>
        Move(new MoveSubOrder(cmd.CooperativeId, cmd.SubOrderId, cmd.UserId, MoveSubOrder.Move.Deliver,
            CashCollected: cmd.CashCollected is { } cash ? new Money(cash) : null), cmd.Language, ct);

    public async Task<IReadOnlyDictionary<string, int>> Handle(CountCooperativeSubOrders query, CancellationToken ct)
    {
        await CooperativeStaff.EnsureAsync(mediator, query.CooperativeId, query.UserId, adminAllowed: false, isAdmin: false, ct);
        await using var session = store.QuerySession();
        var coop = query.CooperativeId;
        var counts = new Dictionary<string, int>();
        foreach (var status in Enum.GetValues<SubOrderStatus>())
            counts[Snake(status)] = await session.Query<Order>().Where(o => o.OpenToCooperatives)
                .WithSubOrderOf(store.Options.Serializer(), coop, status).CountAsync(ct);
        return counts;
    }

    private static string Snake(SubOrderStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private async Task<CooperativeSubOrder> Move(MoveSubOrder move, string language, CancellationToken ct)
    {
        var order = await mediator.Send(move, ct);
        return Of(order, order.SubOrder(move.SubOrderId)!, language);
    }

    internal static CooperativeSubOrder Of(Order o, SubOrder s, string language) => new(s.Id, o.Id, o.Number, Snake(s.Status), o.PlacedAt,
        Wire.Of(o.Method), s.Lines.Select(l => LineView.Of(l, s, language))
            .Where(l => s.Status == SubOrderStatus.Cancelled || l.Booking?.Status != "cancelled") // a booking cancelled while the rest goes on
            .Select(l => new CooperativeSubOrderLine(l.ProductId, l.Sku, l.Name, l.Unit, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount)).ToList(),
        s.Subtotal.Amount, s.Shipping.Amount, s.Total.Amount, s.Total.Currency,
        o.Address is { } a ? new SubOrderAddress(a.FullName, a.Phone, a.Line1, a.Line2, a.City, a.Province, a.PostalCode) : null,
        s.Carrier, s.TrackingNumber, s.CashCollected?.Amount, s.CancelReason);
}
