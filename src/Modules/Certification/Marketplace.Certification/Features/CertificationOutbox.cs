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
        CertificateVerified v => [Notice(e, v.Facts, CertificateNotices.Verified, null, v.At)],
        CertificateRejected r => [Notice(e, r.Facts, CertificateNotices.Rejected, r.Reason, r.At)],
        CertificateExpiryAnnounced a => [Notice(e, a.Facts, CertificateNotices.Expiring, null, a.At)],
        CertificateExpired x => [Notice(e, x.Facts, CertificateNotices.Expired, null, x.At)],
        _ => [],
    };

    private static CertificateNoticeIntegrationEvent Notice(IEvent e, CertificateFacts f, string notice, string? reason, DateTimeOffset at) =>
        new(e.Id, e.StreamId, f.CooperativeId, f.Kind, f.Identifier, notice, reason, f.ValidTo, at);
}
