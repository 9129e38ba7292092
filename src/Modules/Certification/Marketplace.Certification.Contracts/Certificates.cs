using MediatR;

namespace Marketplace.Certification.Contracts;

/// <summary>The kinds of certificate (API.md) and the product label each one gives once verified (ONSSA's gives none: it is a sanitary authorisation).</summary>
public static class CertificateKinds
{
    public const string Onssa = "onssa";
    public static readonly IReadOnlyDictionary<string, string?> LabelOf = new Dictionary<string, string?>
    {
        [Onssa] = null, ["igp"] = "IGP", ["aop"] = "AOP", ["label_agricole"] = "LABEL_AGRICOLE", ["organic"] = "ORGANIC", ["fair_trade"] = "FAIR_TRADE",
    };
    public static readonly IReadOnlyList<string> All = [.. LabelOf.Keys];
}

public static class CertificateStatus
{
    public const string Submitted = "submitted", Verified = "verified", Rejected = "rejected", Expired = "expired";
}

/// <summary>A label a product carries because a verified certificate, valid until <paramref name="ValidTo"/>, covers it.</summary>
public sealed record CertifiedLabel(string Code, Guid CertificateId, DateOnly ValidTo);

/// <summary>
/// The labels of a product changed (a certificate covering it was verified, expired or withdrawn): <paramref name="Labels"/> is
/// the whole new set. Delivered in order per product; the Catalogue shows and searches these labels only.
/// </summary>
public sealed record ProductLabelsCertifiedIntegrationEvent(Guid EventId, Guid ProductId, Guid CooperativeId, IReadOnlyList<CertifiedLabel> Labels,
    DateTimeOffset At) : INotification;

/// <summary>Whether the cooperative holds a verified ONSSA certificate valid on <paramref name="Day"/> for this product (or for all its products).</summary>
public sealed record HasFoodSafetyCertificate(Guid CooperativeId, Guid ProductId, DateOnly Day) : IRequest<bool>;

/// <summary>A certificate's public summary (verified or expired ones only; null otherwise): what a shopper reads behind a label.</summary>
public sealed record GetCertificateSummary(Guid CertificateId) : IRequest<PublicCertificate?>;

/// <param name="Label">the label it gives (IGP...), or null for ONSSA's sanitary authorisation.</param>
/// <param name="Status">"verified" or "expired".</param>
public sealed record PublicCertificate(Guid Id, Guid CooperativeId, string Kind, string? Label, string Identifier, string Issuer, DateOnly ValidFrom,
    DateOnly ValidTo, IReadOnlyList<Guid> ProductIds, string Status);
