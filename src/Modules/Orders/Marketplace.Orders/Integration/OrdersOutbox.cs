using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Integration;

/// <summary>Tells the other modules what happened to orders, after commit, at least once (EventId: the domain event's id).</summary>
internal sealed class OrdersOutbox(OutboxServices services, ILogger<OrdersOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "orders-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        OrderPlaced p => [new OrderPlacedIntegrationEvent(e.Id, p.OrderId, p.Number, p.ShopperId, Wire.Of(p.Method),
            p.SubOrders.Select(Info).ToList(), p.Total.Amount, p.Total.Currency, p.PlacedAt)],
        OrderPaid p => [new OrderPaidIntegrationEvent(e.Id, p.OrderId, p.Number, p.Amount.Amount, p.Amount.Currency, p.Reference, p.PaidAt)],
        SubOrderAccepted a => [new SubOrderAcceptedIntegrationEvent(e.Id, a.OrderId, a.SubOrderId, a.At)],
        SubOrderShipped s => [new SubOrderShippedIntegrationEvent(e.Id, s.OrderId, s.SubOrderId, s.Carrier, s.TrackingNumber, s.At)],
        SubOrderDelivered d => [new SubOrderDeliveredIntegrationEvent(e.Id, d.OrderId, d.Number, d.SubOrderId, d.CooperativeId,
            Wire.Of(d.Method), d.CashCollected?.Amount, d.CashCollected?.Currency ?? Money.DefaultCurrency, d.At)],
        OrderCancelled c => [new SubOrdersCancelledIntegrationEvent(e.Id, c.OrderId, c.Number, c.SubOrders.Select(Info).ToList(), c.Reason, c.At, c.Note)],
        BookingCancelled b => [new BookingCancelledIntegrationEvent(e.Id, b.OrderId, b.Number, b.SubOrderId, b.CooperativeId, b.SlotId,
            Checkout.BookingSku(b.SlotId), b.Participants, b.LineTotal.Amount, b.Refund.Amount, b.Kept, b.By, b.Reason,
            b.LineTotal.Currency, b.At)],
        RefundIssued r => [new RefundIssuedIntegrationEvent(e.Id, r.OrderId, r.Number, r.Amount.Amount, r.Amount.Currency, r.Reference, r.At,
            r.SubOrderIds)],
        PaymentDisputed d => [new PaymentDisputedIntegrationEvent(e.Id, d.OrderId, d.Number, d.DisputeId, d.Amount.Amount, d.Amount.Currency, d.At)],
        DisputeClosed d => [new PaymentDisputeClosedIntegrationEvent(e.Id, d.OrderId, d.Number, d.DisputeId, d.Won, d.Amount.Amount,
            d.Amount.Currency, d.At)],
        _ => [],
    };

    private static SubOrderInfo Info(PlacedSubOrder s) => new(s.SubOrderId, s.CooperativeId,
        s.Lines.Select(l => new OrderLineInfo(l.ProductId, l.Sku, l.Category, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount, l.Booking is not null)).ToList(),
        s.Subtotal.Amount, s.Shipping.Amount);
}
