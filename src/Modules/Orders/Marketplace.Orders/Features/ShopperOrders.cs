using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Payments;
using MediatR;

namespace Marketplace.Orders.Features;

// The shopper's side for the web pages (Marketplace.Orders.Contracts/ShopperOrders.cs): each handler sends the
// API's own request, so both follow the same rules, and maps the order to the Contracts' shape.

internal sealed class PlaceShopperOrderHandler(IMediator mediator) : IRequestHandler<PlaceShopperOrder, PlacedShopperOrder>
{
    public async Task<PlacedShopperOrder> Handle(PlaceShopperOrder cmd, CancellationToken ct)
    {
        var a = cmd.ShippingAddress;
        var outcome = await mediator.Send(new PlaceOrder(cmd.ShopperId, cmd.IdempotencyKey,
            cmd.Lines.Select(l => (CartLineInput?)(l.SlotId is { } slot ? new CartLineInput(null, null, slot, l.Quantity, l.Children, l.PrivateGroup)
                : new CartLineInput(l.ProductId, l.Quantity))).ToList(),
            new AddressInput(a.FullName, a.Phone, a.Line1, a.Line2, a.City, a.Province, a.PostalCode), cmd.PaymentMethod,
            cmd.PaymentMethod == "card" ? CardFlows.Hosted : null, cmd.Language), ct);
        return new PlacedShopperOrder(ShopperOrders.Of(outcome.Order, cmd.Language), outcome.Created);
    }
}

internal sealed class GetCheckoutOptionsHandler(IPaymentGateway gateway) : IRequestHandler<GetCheckoutOptions, CheckoutOptions>
{
    public Task<CheckoutOptions> Handle(GetCheckoutOptions query, CancellationToken ct) =>
        Task.FromResult(new CheckoutOptions(gateway.IsConfigured, gateway.IsConfigured ? gateway.Name : null));
}

internal sealed class GetShopperOrderHandler(IMediator mediator) : IRequestHandler<GetShopperOrder, ShopperOrder>
{
    public async Task<ShopperOrder> Handle(GetShopperOrder query, CancellationToken ct) =>
        ShopperOrders.Of(await mediator.Send(new GetOrder(query.OrderId, query.UserId, query.IsAdmin), ct), query.Language);
}

internal sealed class ListShopperOrdersHandler(IMediator mediator) : IRequestHandler<ListShopperOrders, ShopperOrderPage>
{
    public async Task<ShopperOrderPage> Handle(ListShopperOrders query, CancellationToken ct)
    {
        var page = await mediator.Send(new ListOrders(query.ShopperId, null, PageRequest.From(query.Page, query.PageSize)), ct);
        return new ShopperOrderPage(page.Items.Select(o => ShopperOrders.Of(o, query.Language)).ToList(), page.Total, page.Page, page.PageSize);
    }
}

internal sealed class CancelShopperOrderHandler(IMediator mediator) : IRequestHandler<CancelShopperOrder, ShopperOrder>
{
    public async Task<ShopperOrder> Handle(CancelShopperOrder cmd, CancellationToken ct) =>
        ShopperOrders.Of(await mediator.Send(new CancelOrder(cmd.OrderId, cmd.UserId), ct), cmd.Language);
}

internal static class ShopperOrders
{
    public static ShopperOrder Of(Order order, string language)
    {
        var view = OrderView.Of(order, language);
        var address = view.ShippingAddress is { } a ? new ShippingAddressInput(a.FullName, a.Phone, a.Line1, a.Line2, a.City, a.Province, a.PostalCode) : null;
        return new ShopperOrder(view.Id, view.Number, Snake(view.Status), view.PlacedAt, view.ItemsTotal.Amount, view.ShippingTotal.Amount,
            view.Total.Amount, view.Total.Currency, view.SubOrders.Select(SubOrder).ToList(), Wire.Of(order.Method), Snake(view.Payment.Status),
            view.Payment.ClientSecret, view.Payment.PayBefore, address, view.CancelReason, CanCancel(order), view.Payment.CheckoutUrl,
            view.Status == OrderStatus.PendingPayment ? view.Payment.LastFailure : null, view.ShopperId);
    }

    /// <summary>A sub-order as the pages show it: a booking cancelled while the rest goes on is no longer among its lines (the
    /// shopper's bookings page shows it, with its refund).</summary>
    private static ShopperSubOrder SubOrder(SubOrderView s) => new(s.Id, s.CooperativeId, Snake(s.Status),
        s.Lines.Where(l => s.Status == SubOrderStatus.Cancelled || l.Booking?.Status != "cancelled").Select(l => new ShopperOrderLine(l.ProductId, l.Sku, l.Name, l.Unit, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount)).ToList(),
        s.Subtotal.Amount, s.Shipping.Amount, s.Total.Amount, s.Carrier, s.TrackingNumber, s.CancelReason);

    /// <summary>The cancellation decision itself says whether the shopper may still cancel (it is pure: nothing is recorded).</summary>
    private static bool CanCancel(Order order)
    {
        try
        {
            return order.CancelByShopper(order.ShopperId, DateTimeOffset.UtcNow).Count > 0;
        }
        catch (DomainRuleViolated)
        {
            return false;
        }
    }

    private static string Snake<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
