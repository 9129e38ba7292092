using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Cooperatives.Integration;

/// <summary>
/// Publishes, after commit and at least once, what other modules must hear of cooperatives: applied, verified, suspended,
/// reinstated, payout account changed, tax identity set. Keyed by the domain event's id, so receivers can drop redeliveries.
/// </summary>
internal sealed class CooperativesOutbox(OutboxServices services, ILogger<CooperativesOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "cooperatives-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        CooperativeApplied a => [new CooperativeAppliedIntegrationEvent(e.Id, a.CooperativeId, a.Name, a.Province, a.At, a.Invitation)],
        CooperativeVerified v => [new CooperativeVerifiedIntegrationEvent(e.Id, v.CooperativeId, v.At)],
        CooperativeSuspended s => [new CooperativeSuspendedIntegrationEvent(e.Id, s.CooperativeId, s.At)],
        CooperativeReinstated r => [new CooperativeReinstatedIntegrationEvent(e.Id, r.CooperativeId, r.At)],
        TaxIdentitySet t => [new TaxIdentitySetIntegrationEvent(e.Id, t.CooperativeId, t.At)],
        PayoutAccountSet p => [new PayoutAccountChangedIntegrationEvent(e.Id, p.CooperativeId, p.Method, p.OnHoldUntil, p.At)],
        _ => [],
    };
}
