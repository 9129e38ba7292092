using JasperFx.Events;
using Marketplace.BuildingBlocks;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Programme.Fairs;

/// <summary>Tells Notifications, after commit and at least once, whom to invite to the platform.</summary>
internal sealed class ProgrammeOutbox(OutboxServices services, ILogger<ProgrammeOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "programme-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        ExhibitorInvited i => [new ExhibitorInvitedIntegrationEvent(e.Id, i.FairId, i.FairName, i.Stand, i.Name, i.Email, i.Phone, i.Token, i.At)],
        _ => [],
    };
}
