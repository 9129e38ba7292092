using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Invoicing.Issuing;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.Extensions.Options;

namespace Marketplace.Invoicing.Commission;

/// <summary>
/// The platform's invoice of its commission to each cooperative for a month, in the platform's series (PLAT-{year}-{n}),
/// from the Payouts ledger: one per cooperative and month (its key), whenever and however often the month is asked.
/// A month whose commission is nil or negative (refunds outweigh sales) gets none.
/// </summary>
internal sealed class CommissionInvoices(IMediator mediator, InvoiceIssuer issuer, IOptions<PlatformIdentity> platform)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<IReadOnlyList<IssuedInvoice>> IssueAsync(int year, int month, CancellationToken ct)
    {
        var identity = platform.Value;
        if (!identity.Configured) throw new Unprocessable("The platform's legal identity (Marketplace__Platform__Ice...) is not set: no commission invoice can be issued.");
        var period = $"{year:D4}-{month:D2}";
        var issued = new List<IssuedInvoice>();
        foreach (var commission in await mediator.Send(new GetMonthlyCommissions(year, month), ct))
        {
            if (commission.Commission <= 0) continue;
            var key = $"commission:{commission.CooperativeId:N}:{period}";
            if (await issuer.FindAsync(key, ct) is { } existing) { issued.Add(existing); continue; }
            var names = (await mediator.Send(new GetCooperativeSummaries([commission.CooperativeId]), ct)).SingleOrDefault()?.Name
                ?? new Dictionary<string, string> { ["fr"] = commission.CooperativeId.ToString() };
            var tax = await mediator.Send(new GetTaxIdentity(commission.CooperativeId), ct);
            var buyer = new Buyer(LocalizedText.Pick(names, "fr"), tax is null ? "-" : $"{tax.Address}\nICE : {tax.Ice}", null);
            var label = $"Commission de la plateforme sur {commission.Sales} vente(s) de {new DateOnly(year, month, 1).ToString("MMMM yyyy", French)}";
            var seller = new Seller(new Dictionary<string, string> { ["fr"] = identity.Name, ["ar"] = identity.NameAr ?? "" }, identity.Ice!,
                identity.TaxId, identity.RegisterNumber, identity.Address, identity.VatRate is > 0 ? identity.VatRate : null);
            issued.Add(await issuer.StoreAsync(key, InvoiceNumbers.PlatformSeries, commission.CooperativeId, Guid.Empty, Guid.Empty, (number, now) =>
                new InvoiceDocument(InvoiceDocument.CommissionKind, number, now, InvoiceIssuer.LocalDate(now), period, null, seller, buyer,
                    [new InvoiceLine("COMMISSION", new Dictionary<string, string> { ["fr"] = label }, "", 1, commission.Commission, commission.Commission)],
                    0m, commission.Commission, InvoiceIssuer.Vat(commission.Commission, seller.VatRate), "deducted", Currency: commission.Currency), ct));
        }
        return issued;
    }
}
