using Marketplace.BuildingBlocks;

namespace Marketplace.Certification.Domain;

/// <summary>A cooperative sent a certificate (its document is kept beside, <see cref="CertificateFile"/>): the platform checks it.</summary>
[EventName("certification.certificate_submitted")]
internal sealed record CertificateSubmitted(Guid CertificateId, Guid CooperativeId, string Kind, string Identifier, string Issuer, DateOnly ValidFrom,
    DateOnly ValidTo, IReadOnlyList<Guid> ProductIds, string ContentType, long Size, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>What the cooperative is told of a certificate with each change of it (the outbox's message carries it).</summary>
internal sealed record CertificateFacts(Guid CooperativeId, string Kind, string Identifier, DateOnly ValidTo)
{
    public static CertificateFacts Of(Certificate c) => new(c.CooperativeId, c.Kind, c.Identifier, c.ValidTo);
}

[EventName("certification.certificate_verified")]
internal sealed record CertificateVerified(Guid CertificateId, CertificateFacts Facts, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("certification.certificate_rejected")]
internal sealed record CertificateRejected(Guid CertificateId, CertificateFacts Facts, string Reason, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>Its expiry was announced to the cooperative (once, 30 days ahead).</summary>
[EventName("certification.expiry_announced")]
internal sealed record CertificateExpiryAnnounced(Guid CertificateId, CertificateFacts Facts, DateTimeOffset At) : IDomainEvent;

/// <summary>The day after its validTo: its labels are gone.</summary>
[EventName("certification.certificate_expired")]
internal sealed record CertificateExpired(Guid CertificateId, CertificateFacts Facts, DateTimeOffset At) : IDomainEvent;

/// <summary>A certificate as its events made it (an inline snapshot, one stream per certificate).</summary>
internal sealed class Certificate
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public string Kind { get; set; } = "";
    public string Identifier { get; set; } = "";
    public string Issuer { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public List<Guid> ProductIds { get; set; } = [];
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Status { get; set; } = CertificateStatus.Submitted;
    public string? Reason { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public bool ExpiryAnnounced { get; set; }

    public bool Covers(Guid productId) => ProductIds.Count == 0 || ProductIds.Contains(productId);

    /// <summary>Counts for labels and the food rule on <paramref name="day"/>: verified and within its dates.</summary>
    public bool IsValidOn(DateOnly day) => Status == CertificateStatus.Verified && ValidFrom <= day && day <= ValidTo;

    public void Apply(CertificateSubmitted e)
    {
        (Id, CooperativeId, Kind, Identifier, Issuer, ValidFrom, ValidTo) = (e.CertificateId, e.CooperativeId, e.Kind, e.Identifier, e.Issuer, e.ValidFrom, e.ValidTo);
        (ProductIds, ContentType, Size, SubmittedAt) = ([.. e.ProductIds], e.ContentType, e.Size, e.At);
    }

    public void Apply(CertificateVerified e) => (Status, ReviewedAt) = (CertificateStatus.Verified, e.At);
    public void Apply(CertificateRejected e) => (Status, Reason, ReviewedAt) = (CertificateStatus.Rejected, e.Reason, e.At);
    public void Apply(CertificateExpiryAnnounced e) => ExpiryAnnounced = true;
    public void Apply(CertificateExpired e) => Status = CertificateStatus.Expired;
}

/// <summary>Decisions on a certificate. Pure.</summary>
internal static class CertificateDecisions
{
    public static object Verify(Certificate c, Guid adminId, DateOnly today, DateTimeOffset now)
    {
        if (c.Status != CertificateStatus.Submitted)
            throw new DomainRuleViolated("certificate_already_reviewed", $"This certificate is {c.Status}: only a submitted one is verified or rejected.");
        if (c.ValidTo < today) throw new Unprocessable("This certificate has expired: ask the cooperative for the current one.");
        return new CertificateVerified(c.Id, CertificateFacts.Of(c), adminId, now);
    }

    public static object Reject(Certificate c, string reason, Guid adminId, DateTimeOffset now) => c.Status switch
    {
        CertificateStatus.Submitted or CertificateStatus.Verified => new CertificateRejected(c.Id, CertificateFacts.Of(c), reason, adminId, now),
        _ => throw new DomainRuleViolated("certificate_already_reviewed", $"This certificate is {c.Status}: it cannot be rejected."),
    };

    /// <summary>What the daily job does on <paramref name="today"/>: announce an expiry 30 days ahead (once), expire the day after validTo.</summary>
    public static IReadOnlyList<object> Daily(Certificate c, DateOnly today, DateTimeOffset now)
    {
        if (c.Status != CertificateStatus.Verified) return [];
        if (today > c.ValidTo) return [new CertificateExpired(c.Id, CertificateFacts.Of(c), now)];
        if (!c.ExpiryAnnounced && today >= c.ValidTo.AddDays(-30)) return [new CertificateExpiryAnnounced(c.Id, CertificateFacts.Of(c), now)];
        return [];
    }
}
