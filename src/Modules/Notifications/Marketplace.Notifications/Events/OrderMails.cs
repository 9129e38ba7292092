using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using Marketplace.Orders.Contracts;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>What the shopper's and the cooperatives' messages about an order need: the order in a language, names of cooperatives.</summary>
internal sealed class OrderMails(IMediator mediator, Recipients recipients, SiteLinks links, MailTemplates templates)
{
    /// <summary>The order in a language; null when Orders does not know it (nothing to tell anyone).</summary>
    public async Task<ShopperOrder?> OrderAsync(Guid orderId, string language, CancellationToken ct)
    {
        try { return await mediator.Send(new GetShopperOrder(orderId, Guid.Empty, IsAdmin: true, language), ct); }
        catch (NotFound) { return null; }
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>>> CooperativeNamesAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await mediator.Send(new GetCooperativeSummaries(ids.Distinct().ToList()), ct)).ToDictionary(c => c.Id, c => c.Name);

    /// <summary>The order in another language than the one it was read in (French), asked again only then.</summary>
    private async Task<ShopperOrder> InLanguageAsync(ShopperOrder order, string language, CancellationToken ct) =>
        language == "fr" ? order : await OrderAsync(order.Id, language, ct) ?? order;

    public Task<Recipient?> ShopperAsync(ShopperOrder order, CancellationToken ct) => recipients.UserAsync(order.ShopperId, ct);

    public Task<CooperativeRecipients?> CooperativeAsync(Guid id, CancellationToken ct) => recipients.CooperativeAsync(id, ct);

    public SiteLinks Links => links;

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A message about one of the shopper's sub-orders: {number}, {cooperative} in the shopper's language.</summary>
    public async Task<(ShopperOrder Order, ShopperSubOrder SubOrder, Recipient Shopper, string Cooperative)?> ShopperSubOrderAsync(
        Guid orderId, Guid subOrderId, CancellationToken ct)
    {
        if (await OrderAsync(orderId, "fr", ct) is not { } order || await ShopperAsync(order, ct) is not { } shopper) return null;
        order = await InLanguageAsync(order, shopper.Language, ct);
        if (order.SubOrders.SingleOrDefault(s => s.Id == subOrderId) is not { } subOrder) return null;
        var names = await CooperativeNamesAsync([subOrder.CooperativeId], ct);
        return (order, subOrder, shopper, Delivery.Names.Pick(names.GetValueOrDefault(subOrder.CooperativeId) ?? new Dictionary<string, string>(), shopper.Language));
    }

    /// <summary>
    /// The order is confirmed (cash on delivery: placed; card: paid): one confirmation to the shopper for the whole order,
    /// whatever the number of cooperatives, and to each cooperative's staff its sub-order to handle (e-mail, and SMS to its phone).
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> ConfirmedAsync(string source, Guid orderId, Messages messages, CancellationToken ct)
    {
        if (await OrderAsync(orderId, "fr", ct) is not { } order) return messages.All;
        if (order.Status == "cancelled") return messages.All; // paid too late: the refund tells the shopper
        var cooperatives = await recipients.CooperativesAsync(order.SubOrders.Select(s => s.CooperativeId).ToList(), ct);
        if (await ShopperAsync(order, ct) is { } shopper)
        {
            var inLanguage = await InLanguageAsync(order, shopper.Language, ct);
            var delivery = templates.Text(shopper.Language, "common.delivery");
            string CooperativeName(Guid id) => cooperatives.GetValueOrDefault(id)?.NameIn(shopper.Language) ?? "";
            var lines = inLanguage.SubOrders.SelectMany(s => s.Lines.Select(l => new MailLine(l.Name, l.Quantity, l.LineTotal))
                    .Concat(s.Shipping > 0 ? [new MailLine($"{delivery} ({CooperativeName(s.CooperativeId)})", null, s.Shipping)] : []))
                .ToList();
            messages.Email(source, new Mail("order_confirmed",
                new Dictionary<string, string> { ["number"] = order.Number, ["total"] = Amount(order.Total), ["payment"] = order.PaymentMethod },
                links.Order(orderId), lines, order.Total), shopper);
        }
        foreach (var subOrder in order.SubOrders.Where(s => s.Status != "cancelled"))
        {
            if (cooperatives.GetValueOrDefault(subOrder.CooperativeId) is not { } cooperative) continue;
            // The products' names as the cooperative wrote them (French first): it reads its own catalogue.
            Mail MailIn(string language) => new("sub_order_new", new Dictionary<string, string>
            {
                ["number"] = order.Number, ["total"] = Amount(subOrder.Total), ["payment"] = order.PaymentMethod,
                ["cooperative"] = cooperative.NameIn(language),
            }, links.CooperativeOrders(cooperative.Id), subOrder.Lines.Select(l => new MailLine(l.Name, l.Quantity, l.LineTotal)).ToList(),
                subOrder.Total, Scope: subOrder.Id.ToString("N"));
            messages.Email(source, MailIn, cooperative.Staff);
            messages.Sms(source, MailIn(cooperative.SmsLanguage), cooperative.Phone, cooperative.SmsLanguage);
        }
        return messages.All;
    }
}

internal sealed class WhenOrderPlaced(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<OrderPlacedIntegrationEvent>
{
    public async Task Handle(OrderPlacedIntegrationEvent e, CancellationToken ct)
    {
        if (e.PaymentMethod == "card") return; // a card order is confirmed when it is paid
        await queue.QueueAsync(e.EventId.ToString("N"), await mails.ConfirmedAsync(e.EventId.ToString("N"), e.OrderId, messages, ct), ct);
    }
}

internal sealed class WhenOrderPaid(OrderMails mails, Messages messages, MessageQueue queue) : INotificationHandler<OrderPaidIntegrationEvent>
{
    public async Task Handle(OrderPaidIntegrationEvent e, CancellationToken ct) =>
        await queue.QueueAsync(e.EventId.ToString("N"), await mails.ConfirmedAsync(e.EventId.ToString("N"), e.OrderId, messages, ct), ct);
}
