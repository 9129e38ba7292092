using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using Marketplace.Programme.Contracts;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>
/// A fair's exhibitor is invited to bring its cooperative onto the platform: an e-mail when it gave one and an SMS (in
/// French, the fair's working language; the page they open is in the reader's) with the link that opens the
/// application form filled in.
/// </summary>
internal sealed class WhenExhibitorInvited(SiteLinks links, Messages messages, MessageQueue queue) : INotificationHandler<ExhibitorInvitedIntegrationEvent>
{
    public async Task Handle(ExhibitorInvitedIntegrationEvent e, CancellationToken ct)
    {
        var mail = new Mail("fair_invitation", new Dictionary<string, string>
        {
            ["fair"] = e.FairName, ["stand"] = e.Stand, ["cooperative"] = e.Name,
        }, links.Invitation(e.Token));
        if (e.Email is not null) messages.Email(e.EventId.ToString("N"), mail, new Recipient(e.Email, e.Name, "fr"));
        messages.Sms(e.EventId.ToString("N"), mail, e.Phone, "fr");
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}
