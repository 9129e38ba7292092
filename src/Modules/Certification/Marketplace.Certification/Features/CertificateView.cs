using Marketplace.Certification.Domain;

namespace Marketplace.Certification.Features;

/// <summary>A certificate as the API shows it to its cooperative's staff and administrators (with its status and reason).</summary>
internal static class CertificateView
{
    public static CertificateInfo Of(Certificate c) => new(c.Id, c.CooperativeId, c.Kind, CertificateKinds.LabelOf.GetValueOrDefault(c.Kind), c.Identifier,
        c.Issuer, c.ValidFrom, c.ValidTo, c.ProductIds, c.Status, c.Reason, c.ContentType, c.Size, c.SubmittedAt, c.ReviewedAt,
        $"/api/certificates/{c.Id}/document");
}

/// <summary>What anyone may read of a verified certificate: who issued it, its number, its validity, what it covers.</summary>
internal sealed record CertificateSummary(Guid Id, Guid CooperativeId, string Kind, string? Label, string Identifier, string Issuer, DateOnly ValidFrom,
    DateOnly ValidTo, IReadOnlyList<Guid> ProductIds, string Status)
{
    public static CertificateSummary Of(Certificate c) => new(c.Id, c.CooperativeId, c.Kind, CertificateKinds.LabelOf.GetValueOrDefault(c.Kind),
        c.Identifier, c.Issuer, c.ValidFrom, c.ValidTo, c.ProductIds, c.Status);
}
