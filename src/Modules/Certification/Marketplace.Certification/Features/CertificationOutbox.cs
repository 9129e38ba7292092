using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marketplace.Certification.Domain;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Certification.Features;

/// <summary>Tells the other modules, after commit and at least once, a product's new labels and a certificate's review or coming expiry.</summary>
internal sealed class CertificationOutbox(OutboxServices services, ILogger<CertificationOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "certification-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        ProductLabelsSet l => [new ProductLabelsCertifiedIntegrationEvent(e.Id, l.ProductId, l.CooperativeId, l.Labels, l.At)],
        _ => [],
    };
}
