using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using Marketplace.Orders.Contracts;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>
/// A booking was cancelled within an order that goes on: by the cooperative, the shopper is told at once by e-mail and SMS
/// (they may be on their way), with the refund; by the shopper, the cooperative's staff are told that the places are free.
/// </summary>
internal sealed class WhenBookingCancelled(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<BookingCancelledIntegrationEvent>
{
    public async Task Handle(BookingCancelledIntegrationEvent e, CancellationToken ct)
    {
        var key = e.EventId.ToString("N");
        if (e.By != "shopper") // the cooperative cancelled its date, or declined a booking on request
        {
            if (await mails.ShopperSubOrderAsync(e.OrderId, e.SubOrderId, ct) is not var (order, _, shopper, cooperative)) return;
            var mail = new Mail("booking_cancelled", new Dictionary<string, string>
            {
                ["number"] = order.Number, ["cooperative"] = cooperative, ["note"] = e.Reason ?? "", ["amount"] = OrderMails.Amount(e.Refund),
            }, mails.Links.Order(order.Id));
            messages.Email(key, mail, shopper).Sms(key, mail, order.ShippingAddress?.Phone, shopper.Language);
        }
        else if (await mails.CooperativeAsync(e.CooperativeId, ct) is { } cooperative)
        {
            messages.Email(key, language => new Mail("booking_given_back", new Dictionary<string, string>
            {
                ["number"] = e.Number, ["cooperative"] = cooperative.NameIn(language), ["participants"] = e.Participants.ToString(),
            }, mails.Links.CooperativeOrders(cooperative.Id)), cooperative.Staff);
        }
        await queue.QueueAsync(key, messages.All, ct);
    }
}
