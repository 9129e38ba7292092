using Marketplace.Accounts.Contracts;
using Marketplace.Catalogue.Contracts;
using Marketplace.Certification.Contracts;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Demo;

/// <summary>
/// The demo cooperatives' certificates, so that the demo still shows labels: for each label its products declare, one
/// certificate from a control body covering them, sent by the cooperative and verified by the administrator through the
/// modules' commands (the labels then reach the products through the outbox). A certificate already there (same
/// identifier) is not sent again.
/// </summary>
internal sealed class DemoCertificates(IMediator mediator, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, (string Kind, string Issuer)> ByLabel = new Dictionary<string, (string, string)>
    {
        ["IGP"] = ("igp", "Normacert (organisme de certification agréé, loi 25-06)"),
        ["AOP"] = ("aop", "Normacert (organisme de certification agréé, loi 25-06)"),
        ["LABEL_AGRICOLE"] = ("label_agricole", "Bureau Veritas Maroc"),
        ["ORGANIC"] = ("organic", "Ecocert Maroc (loi 39-12)"),
    };

    /// <summary>A one-page PDF that says what it is: demo data, not a real certificate.</summary>
    private static readonly byte[] Document =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public async Task EnsureAsync(Guid adminId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < DemoCatalogue.All.Count; i++)
        {
            var demo = DemoCatalogue.All[i];
            if (await mediator.Send(new FindCooperativeByRegistrationNumber(DemoCatalogue.RegistrationNumber(i)), ct) is not { } coop) continue;
            var owner = await mediator.Send(new FindUserByEmail(DemoAccounts.OwnerEmailOf(demo, i)), ct);
            if (owner is null) continue;
            var held = await mediator.Send(new GetCooperativeCertificates(coop, adminId, ViewerIsAdmin: true), ct);
            var listings = DemoCatalogue.ProductsOf(demo).ToList();
            foreach (var code in listings.SelectMany(l => l.Product.Labels).Distinct().Where(ByLabel.ContainsKey))
            {
                var identifier = $"{code}-{demo.Code}-{2025 + i % 2}".ToUpperInvariant();
                if (held.Any(c => c.Identifier == identifier)) continue;
                var products = new List<string>();
                foreach (var l in listings.Where(l => l.Product.Labels.Contains(code)))
                    if (await mediator.Send(new FindProductBySku(coop, l.Sku), ct) is { } p) products.Add(p.Id.ToString());
                var (kind, issuer) = ByLabel[code];
                var sent = await mediator.Send(new SubmitCertificate(coop, owner.Id, kind, identifier, issuer, Day(today.AddYears(-1).AddDays(-i)),
                    Day(today.AddYears(2).AddDays(i * 11)), products, Document, Document.Length), ct);
                await mediator.Send(new ReviewCertificate(sent.Id, adminId, Verify: true, Reason: null), ct);
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
}
