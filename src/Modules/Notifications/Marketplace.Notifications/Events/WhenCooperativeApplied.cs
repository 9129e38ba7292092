using Marketplace.Cooperatives.Contracts;
using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>A cooperative applied: every administrator is told there is one more to verify.</summary>
internal sealed class WhenCooperativeApplied(Recipients recipients, SiteLinks links, Messages messages, MessageQueue queue)
    : INotificationHandler<CooperativeAppliedIntegrationEvent>
{
    public async Task Handle(CooperativeAppliedIntegrationEvent e, CancellationToken ct)
    {
        messages.Email(e.EventId.ToString("N"), language => new Mail("cooperative_applied", new Dictionary<string, string>
        {
            ["cooperative"] = Names.Pick(e.Name, language), ["province"] = e.Province,
        }, links.AdminCooperative(e.CooperativeId)), await recipients.AdministratorsAsync(ct));
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}
