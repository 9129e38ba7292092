using System.Globalization;
using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using Marketplace.Payouts.Contracts;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>A payout left the platform: the cooperative's staff are told its amount and reference.</summary>
internal sealed class WhenPayoutSent(IMediator mediator, Recipients recipients, SiteLinks links, Messages messages, MessageQueue queue)
    : INotificationHandler<PayoutSentIntegrationEvent>
{
    public async Task Handle(PayoutSentIntegrationEvent e, CancellationToken ct)
    {
        if (await mediator.Send(new GetPayout(e.PayoutId), ct) is not { } payout) return;
        if (await recipients.CooperativeAsync(payout.CooperativeId, ct) is not { } cooperative) return;
        messages.Email(e.EventId.ToString("N"), language => new Mail("payout_sent", PayoutValues(payout, cooperative.NameIn(language)),
            links.CooperativeBalance(cooperative.Id)), cooperative.Staff);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }

    internal static Dictionary<string, string> PayoutValues(AdminPayout payout, string cooperative) => new()
    {
        ["reference"] = payout.Reference, ["amount"] = payout.Amount.ToString("0.00", CultureInfo.InvariantCulture),
        ["cooperative"] = cooperative, ["method"] = payout.Method,
    };
}

/// <summary>A payout came back (returned by the bank, or its transfer failed): the staff are asked to check the payout account.</summary>
internal sealed class WhenPayoutReturned(IMediator mediator, Recipients recipients, SiteLinks links, Messages messages, MessageQueue queue)
    : INotificationHandler<PayoutReturnedIntegrationEvent>
{
    public async Task Handle(PayoutReturnedIntegrationEvent e, CancellationToken ct)
    {
        if (await mediator.Send(new GetPayout(e.PayoutId), ct) is not { } payout) return;
        if (await recipients.CooperativeAsync(payout.CooperativeId, ct) is not { } cooperative) return;
        messages.Email(e.EventId.ToString("N"), language => new Mail("payout_returned",
            new Dictionary<string, string>(WhenPayoutSent.PayoutValues(payout, cooperative.NameIn(language))) { ["reason"] = e.Reason },
            links.CooperativePayoutAccount(cooperative.Id)), cooperative.Staff);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}
