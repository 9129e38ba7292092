using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;

namespace Marketplace.Orders.Integration;

internal sealed class GetSubOrderForInvoiceHandler(IOrdersStore store) : IRequestHandler<GetSubOrderForInvoice, SubOrderForInvoice?>
{
    public async Task<SubOrderForInvoice?> Handle(GetSubOrderForInvoice query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var order = await session.LoadAsync<Order>(query.OrderId, ct);
        if (order?.SubOrder(query.SubOrderId) is not { } s) return null;
        var paid = order.Method == PaymentMethod.Card ? order.Payment.PaidAt is not null : s.Status == SubOrderStatus.Delivered;
        var a = order.Address;
        return new SubOrderForInvoice(order.Id, order.Number, order.ShopperId, s.Id, s.CooperativeId,
            System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Status.ToString()), Wire.Of(order.Method), paid, s.DeliveredAt,
            a is null ? null : new SubOrderAddress(a.FullName, a.Phone, a.Line1, a.Line2, a.City, a.Province, a.PostalCode),
            s.Lines.Where(l => l.Booking is null || s.CancelledBooking(l.ProductId) is null or { Kept: true }).Select(l => new InvoiceLineInfo(l.Sku, l.Name, l.Unit, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount)).ToList(),
            s.Subtotal.Amount, s.Shipping.Amount, s.Total.Amount, s.Total.Currency);
    }
}
