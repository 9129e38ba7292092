using Marketplace.Cooperatives.Contracts;
using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>
/// A cooperative applied: every administrator is told there is one more to verify, unless it was verified (or suspended)
/// before this was written, as the demo data's cooperatives are.
/// </summary>
internal sealed class WhenCooperativeApplied(IMediator mediator, Recipients recipients, SiteLinks links, Messages messages, MessageQueue queue)
    : INotificationHandler<CooperativeAppliedIntegrationEvent>
{
    public async Task Handle(CooperativeAppliedIntegrationEvent e, CancellationToken ct)
    {
        if ((await mediator.Send(new GetCooperativeSummaries([e.CooperativeId]), ct)).SingleOrDefault() is not { Status: CooperativeStatus.Pending }) return;
        messages.Email(e.EventId.ToString("N"), language => new Mail("cooperative_applied", new Dictionary<string, string>
        {
            ["cooperative"] = Names.Pick(e.Name, language), ["province"] = e.Province,
        }, links.AdminCooperative(e.CooperativeId)), await recipients.AdministratorsAsync(ct));
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}
