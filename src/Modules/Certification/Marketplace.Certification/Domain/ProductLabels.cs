using Marketplace.BuildingBlocks;
using Marten;

namespace Marketplace.Certification.Domain;

/// <summary>The labels a product carries now, from the certificates that cover it (a stream per product, its id the product's).</summary>
[EventName("certification.product_labels_set")]
internal sealed record ProductLabelsSet(Guid ProductId, Guid CooperativeId, IReadOnlyList<CertifiedLabel> Labels, DateTimeOffset At) : IDomainEvent;

internal sealed class ProductLabels
{
    public Guid Id { get; set; }
    public List<CertifiedLabel> Labels { get; set; } = [];

    public void Apply(ProductLabelsSet e) => (Id, Labels) = (e.ProductId, [.. e.Labels]);
}

internal static class ProductLabelRules
{
    /// <summary>One label per code, from the verified certificates valid on <paramref name="day"/> that cover the product (the one valid longest).</summary>
    public static IReadOnlyList<CertifiedLabel> Of(Guid productId, IEnumerable<Certificate> certificates, DateOnly day) => certificates
        .Where(c => c.IsValidOn(day) && c.Covers(productId) && CertificateKinds.LabelOf.GetValueOrDefault(c.Kind) is not null)
        .GroupBy(c => CertificateKinds.LabelOf[c.Kind]!)
        .Select(g => g.MaxBy(c => c.ValidTo)!)
        .Select(c => new CertifiedLabel(CertificateKinds.LabelOf[c.Kind]!, c.Id, c.ValidTo))
        .OrderBy(l => l.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Sets again the labels of the products <paramref name="changed"/> covers (in the caller's session, so with the
    /// certificate's own change): a product whose labels are the same gets no event. A certificate for every product of
    /// the cooperative (no product listed) changes nothing here: labels name what they cover.
    /// </summary>
    public static async Task RefreshAsync(IDocumentSession session, Certificate changed, DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        if (changed.ProductIds.Count == 0) return;
        var certificates = await session.Query<Certificate>().Where(c => c.CooperativeId == changed.CooperativeId).ToListAsync(ct);
        certificates = certificates.Where(c => c.Id != changed.Id).Append(changed).ToList();
        foreach (var productId in changed.ProductIds)
        {
            var labels = Of(productId, certificates, day);
            var stream = await session.Events.FetchForWriting<ProductLabels>(productId, ct);
            if (stream.Aggregate is { } current && current.Labels.SequenceEqual(labels)) continue;
            if (stream.Aggregate is null && labels.Count == 0) continue;
            stream.AppendOne(new ProductLabelsSet(productId, changed.CooperativeId, labels, now));
        }
    }
}
