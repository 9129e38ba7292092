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

/// <summary>Which of these products (with their cooperatives) a verified ONSSA certificate valid on <paramref name="Day"/> covers.</summary>
public sealed record GetFoodSafetyCovered(IReadOnlyList<CoveredProduct> Products, DateOnly Day) : IRequest<IReadOnlySet<Guid>>;

public sealed record CoveredProduct(Guid CooperativeId, Guid ProductId);

/// <summary>A certificate's public summary (verified or expired ones only; null otherwise): what a shopper reads behind a label.</summary>
public sealed record GetCertificateSummary(Guid CertificateId) : IRequest<PublicCertificate?>;

/// <param name="Label">the label it gives (IGP...), or null for ONSSA's sanitary authorisation.</param>
/// <param name="Status">"verified" or "expired".</param>
public sealed record PublicCertificate(Guid Id, Guid CooperativeId, string Kind, string? Label, string Identifier, string Issuer, DateOnly ValidFrom,
    DateOnly ValidTo, IReadOnlyList<Guid> ProductIds, string Status);

/// <summary>
/// Staff send a certificate: the form's fields as typed (dates yyyy-MM-dd, product ids) and the document's bytes (PDF or image,
/// at most 5 MB, recognised by its content). ValidationFailed names kind, identifier, issuer, validFrom, validTo, productIds, file.
/// </summary>
public sealed record SubmitCertificate(Guid CooperativeId, Guid ActorId, string? Kind, string? Identifier, string? Issuer, string? ValidFrom,
    string? ValidTo, IReadOnlyList<string> ProductIds, byte[]? Content, long Length) : IRequest<CertificateInfo>;

/// <summary>An administrator verifies a certificate (its labels appear on what it covers) or rejects it, or withdraws a verified one, with a reason.</summary>
public sealed record ReviewCertificate(Guid CertificateId, Guid AdminId, bool Verify, string? Reason) : IRequest<CertificateInfo>;

/// <summary>A cooperative's certificates, newest first (its staff and administrators; NotFound/Forbidden otherwise).</summary>
/// <summary>The quality labels (IGP, AOP, ...) each of these cooperatives holds on <paramref name="Day"/>: verified, unexpired certificates; for the directory.</summary>
public sealed record GetCooperativeLabels(IReadOnlyList<Guid> CooperativeIds, DateOnly Day) : IRequest<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>;

public sealed record GetCooperativeCertificates(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin = false) : IRequest<IReadOnlyList<CertificateInfo>>;

/// <summary>The administrators' queue: certificates in <paramref name="Status"/>, oldest first.</summary>
public sealed record GetCertificateQueue(string Status = CertificateStatus.Submitted) : IRequest<IReadOnlyList<CertificateInfo>>;

/// <summary>A certificate as its cooperative's staff and administrators see it, with its status and the reason of a rejection.</summary>
public sealed record CertificateInfo(Guid Id, Guid CooperativeId, string Kind, string? Label, string Identifier, string Issuer, DateOnly ValidFrom,
    DateOnly ValidTo, IReadOnlyList<Guid> ProductIds, string Status, string? Reason, string ContentType, long Size, DateTimeOffset SubmittedAt,
    DateTimeOffset? ReviewedAt, string DocumentUrl);

public static class CertificateNotices
{
    public const string Verified = "verified", Rejected = "rejected", Expiring = "expiring", Expired = "expired";
}

/// <summary>
/// What the cooperative is told of its certificate: verified, rejected (with <paramref name="Reason"/>), expiring within 30 days,
/// or expired (its labels are gone). <paramref name="Notice"/> is one of <see cref="CertificateNotices"/>.
/// </summary>
public sealed record CertificateNoticeIntegrationEvent(Guid EventId, Guid CertificateId, Guid CooperativeId, string Kind, string Identifier,
    string Notice, string? Reason, DateOnly ValidTo, DateTimeOffset At) : INotification;
