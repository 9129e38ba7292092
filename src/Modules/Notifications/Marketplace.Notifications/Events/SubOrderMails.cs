using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using Marketplace.Orders.Contracts;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>A cooperative accepted its part: the shopper is told who prepares it.</summary>
internal sealed class WhenSubOrderAccepted(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<SubOrderAcceptedIntegrationEvent>
{
    public async Task Handle(SubOrderAcceptedIntegrationEvent e, CancellationToken ct)
    {
        if (await mails.ShopperSubOrderAsync(e.OrderId, e.SubOrderId, ct) is not var (order, _, shopper, cooperative)) return;
        messages.Email(e.EventId.ToString("N"), new Mail("sub_order_accepted", new Dictionary<string, string> { ["number"] = order.Number, ["cooperative"] = cooperative },
            mails.Links.Order(order.Id)), shopper);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}

/// <summary>A cooperative shipped its part: the shopper gets the carrier and the tracking number.</summary>
internal sealed class WhenSubOrderShipped(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<SubOrderShippedIntegrationEvent>
{
    public async Task Handle(SubOrderShippedIntegrationEvent e, CancellationToken ct)
    {
        if (await mails.ShopperSubOrderAsync(e.OrderId, e.SubOrderId, ct) is not var (order, subOrder, shopper, cooperative)) return;
        messages.Email(e.EventId.ToString("N"), new Mail("sub_order_shipped", new Dictionary<string, string>
        {
            ["number"] = order.Number, ["cooperative"] = cooperative, ["carrier"] = e.Carrier, ["tracking"] = e.TrackingNumber,
        }, mails.Links.Order(order.Id), subOrder.Lines.Select(l => new MailLine(l.Name, l.Quantity, l.LineTotal)).ToList()), shopper);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}

/// <summary>A cooperative delivered its part: the shopper is told by e-mail and by SMS to the delivery phone.</summary>
internal sealed class WhenSubOrderDelivered(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<SubOrderDeliveredIntegrationEvent>
{
    public async Task Handle(SubOrderDeliveredIntegrationEvent e, CancellationToken ct)
    {
        if (await mails.ShopperSubOrderAsync(e.OrderId, e.SubOrderId, ct) is not var (order, subOrder, shopper, cooperative)) return;
        var mail = new Mail("sub_order_delivered", new Dictionary<string, string> { ["number"] = order.Number, ["cooperative"] = cooperative },
            mails.Links.Order(order.Id), subOrder.Lines.Select(l => new MailLine(l.Name, l.Quantity, l.LineTotal)).ToList(), subOrder.Total);
        messages.Email(e.EventId.ToString("N"), mail, shopper).Sms(e.EventId.ToString("N"), mail, order.ShippingAddress?.Phone, shopper.Language);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}

/// <summary>
/// Sub-orders were cancelled: the shopper gets one message naming the cooperatives concerned; each cooperative's staff is
/// told not to ship, unless the order was never confirmed to it (a card order left unpaid).
/// </summary>
internal sealed class WhenSubOrdersCancelled(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<SubOrdersCancelledIntegrationEvent>
{
    public async Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct)
    {
        if (await mails.OrderAsync(e.OrderId, "fr", ct) is not { } order) return;
        var names = await mails.CooperativeNamesAsync(e.SubOrders.Select(s => s.CooperativeId), ct);
        string NamesIn(string language) => string.Join(", ", e.SubOrders.Select(s => Names.Pick(names.GetValueOrDefault(s.CooperativeId)
            ?? new Dictionary<string, string>(), language)).Distinct());
        if (await mails.ShopperAsync(order, ct) is { } shopper)
            messages.Email(e.EventId.ToString("N"), new Mail("order_cancelled", new Dictionary<string, string>
            {
                ["number"] = order.Number, ["cooperative"] = NamesIn(shopper.Language), ["reason"] = e.Reason,
            }, mails.Links.Order(order.Id)), shopper);
        if (e.Reason != "payment_expired")
            foreach (var subOrder in e.SubOrders)
                if (await mails.CooperativeAsync(subOrder.CooperativeId, ct) is { } cooperative)
                    messages.Email(e.EventId.ToString("N"), language => new Mail("sub_order_cancelled", new Dictionary<string, string>
                    {
                        ["number"] = order.Number, ["cooperative"] = cooperative.NameIn(language), ["reason"] = e.Reason,
                    }, mails.Links.CooperativeOrders(cooperative.Id), Scope: subOrder.SubOrderId.ToString("N")), cooperative.Staff);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}

/// <summary>Money went back to the shopper's card.</summary>
internal sealed class WhenRefundIssued(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<RefundIssuedIntegrationEvent>
{
    public async Task Handle(RefundIssuedIntegrationEvent e, CancellationToken ct)
    {
        if (await mails.OrderAsync(e.OrderId, "fr", ct) is not { } order || await mails.ShopperAsync(order, ct) is not { } shopper) return;
        messages.Email(e.EventId.ToString("N"), new Mail("refund_issued", new Dictionary<string, string>
        {
            ["number"] = order.Number, ["amount"] = OrderMails.Amount(e.Amount),
        }, mails.Links.Order(order.Id)), shopper);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}
