using System.Globalization;
using Marketplace.Certification.Contracts;
using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using MediatR;

namespace Marketplace.Notifications.Events;

/// <summary>
/// The cooperative's staff are told what became of a certificate: verified (its labels now show), rejected (with the
/// administrator's reason), expiring within 30 days (send the new one), or expired (its labels are gone).
/// </summary>
internal sealed class WhenCertificateNoticed(Recipients recipients, SiteLinks links, Messages messages, MessageQueue queue)
    : INotificationHandler<CertificateNoticeIntegrationEvent>
{
    public async Task Handle(CertificateNoticeIntegrationEvent e, CancellationToken ct)
    {
        if (await recipients.CooperativeAsync(e.CooperativeId, ct) is not { } cooperative) return;
        messages.Email(e.EventId.ToString("N"), language => new Mail($"certificate_{e.Notice}", new Dictionary<string, string>
        {
            ["kind"] = CertificateKinds.LabelOf.GetValueOrDefault(e.Kind) ?? e.Kind.ToUpperInvariant(), ["identifier"] = e.Identifier,
            ["validTo"] = e.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["reason"] = e.Reason ?? "",
            ["cooperative"] = cooperative.NameIn(language),
        }, links.CooperativeCertificates(cooperative.Id)), cooperative.Staff);
        await queue.QueueAsync(e.EventId.ToString("N"), messages.All, ct);
    }
}
