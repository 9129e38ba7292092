using System.Security.Cryptography;
using JasperFx;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Invoicing.Documents;
using Marketplace.Orders.Contracts;
using Marten;
using MediatR;

namespace Marketplace.Invoicing.Issuing;

/// <summary>
/// Issues a sub-order's invoice and its credit notes, each once (its key), with a number of the cooperative's series taken
/// in the same transaction (<see cref="InvoiceNumbers"/>). The PDF is made once, when it is issued, and kept with its SHA-256.
/// </summary>
internal sealed class InvoiceIssuer(IInvoicingStore store, IMediator mediator, TimeProvider clock)
{
    public const string WaitingForTaxIdentity =
        "The invoice is waiting for the cooperative's tax identity (ICE, IF, register number, address): it is issued as soon as the cooperative sets it.";
    private const int Attempts = 40;
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    public static string InvoiceKey(Guid subOrderId) => $"invoice:{subOrderId:N}";

    public async Task<IssuedInvoice?> FindAsync(string key, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<IssuedInvoice>().SingleOrDefaultAsync(i => i.Key == key, ct);
    }

    /// <summary>
    /// The invoice of a delivered sub-order (card: paid and delivered), issued now if it was not yet. Before delivery:
    /// DomainRuleViolated "not_delivered" (409); without the cooperative's tax identity: Unprocessable (422).
    /// </summary>
    public async Task<IssuedInvoice> IssueAsync(SubOrderForInvoice subOrder, CancellationToken ct)
    {
        var key = InvoiceKey(subOrder.SubOrderId);
        if (await FindAsync(key, ct) is { } existing) return existing;
        if (!subOrder.IsInvoiceable)
            throw new DomainRuleViolated("not_delivered", "The invoice is issued once the sub-order is delivered (card: paid and delivered).");
        var tax = await mediator.Send(new GetTaxIdentity(subOrder.CooperativeId), ct) ?? throw new Unprocessable(WaitingForTaxIdentity);
        return await StoreAsync(key, subOrder, (number, now) => new InvoiceDocument(InvoiceDocument.InvoiceKind, number, now, LocalDate(now),
            subOrder.OrderNumber, subOrder.DeliveredAt is { } d ? LocalDate(d) : null, Seller(tax), Buyer(subOrder), Lines(subOrder),
            subOrder.Shipping, subOrder.Total, Vat(subOrder.Total, tax.VatRate), subOrder.PaymentMethod), ct);
    }

    /// <summary>
    /// A credit note ("avoir") in the same series for money refunded after the invoice: the whole invoice when the refund
    /// covers it, else one line of the amount. Nothing when the sub-order has no invoice (refunded before delivery) or is
    /// credited in full already. Once per refund (its reference).
    /// </summary>
    public async Task<IssuedInvoice?> CreditAsync(SubOrderForInvoice subOrder, string refundReference, decimal amount, CancellationToken ct)
    {
        var key = $"credit:{subOrder.SubOrderId:N}:{refundReference}";
        if (await FindAsync(key, ct) is { } existing) return existing;
        if (await FindAsync(InvoiceKey(subOrder.SubOrderId), ct) is not { } invoice) return null;
        await using (var query = store.QuerySession())
        {
            var credited = await query.Query<IssuedInvoice>().Where(i => i.SubOrderId == subOrder.SubOrderId && i.Kind == InvoiceDocument.CreditNoteKind)
                .SumAsync(i => i.Total, ct);
            amount = Math.Min(amount, invoice.Total - credited);
        }
        if (amount <= 0) return null;
        var original = invoice.Document;
        var whole = amount == invoice.Total;
        IReadOnlyList<InvoiceLine> lines = whole ? original.Lines
            : [new InvoiceLine("REFUND", new Dictionary<string, string> { ["fr"] = $"Remboursement partiel de la commande {subOrder.OrderNumber}",
                ["ar"] = $"استرجاع جزئي للطلب {subOrder.OrderNumber}", ["en"] = $"Partial refund of order {subOrder.OrderNumber}" }, "", 1, amount, amount)];
        return await StoreAsync(key, subOrder, (number, now) => original with
        {
            Kind = InvoiceDocument.CreditNoteKind, Number = number, IssuedAt = now, IssueDate = LocalDate(now), Lines = lines,
            Shipping = whole ? original.Shipping : 0m, Total = amount, Vat = Vat(amount, original.Seller.VatRate), CreditedNumber = invoice.Number,
        }, ct);
    }

    private Task<IssuedInvoice> StoreAsync(string key, SubOrderForInvoice subOrder, Func<string, DateTimeOffset, InvoiceDocument> make,
        CancellationToken ct) =>
        StoreAsync(key, subOrder.CooperativeId, subOrder.CooperativeId, subOrder.OrderId, subOrder.SubOrderId, make, ct);

    /// <summary>
    /// Records a document once (its key) with the next number of its series, trying again with the next number when another
    /// document took it at the same moment.
    /// </summary>
    public async Task<IssuedInvoice> StoreAsync(string key, Guid seriesId, Guid cooperativeId, Guid orderId, Guid subOrderId,
        Func<string, DateTimeOffset, InvoiceDocument> make, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            var year = LocalDate(now).Year;
            var (number, sequence) = await InvoiceNumbers.NextAsync(session, seriesId, year, ct);
            var document = make(number, now);
            var pdf = InvoicePdf.Render(document);
            var issued = new IssuedInvoice
            {
                Id = Guid.CreateVersion7(), Key = key, Number = number, Kind = document.Kind, CooperativeId = cooperativeId, SeriesId = seriesId,
                OrderId = orderId, SubOrderId = subOrderId, Year = year, Sequence = sequence, IssuedAt = now,
                Total = document.Total, Document = document, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            };
            session.Insert(issued);
            session.Insert(new IssuedPdf { Id = issued.Id, Content = pdf });
            if (document.Kind == InvoiceDocument.InvoiceKind) session.Delete<WaitingInvoice>(subOrderId);
            try
            {
                await session.SaveChangesAsync(ct);
                return issued;
            }
            catch (Exception ex) when (attempt < Attempts && IsConflict(ex))
            {
                if (await FindAsync(key, ct) is { } done) return done; // the same document was issued at the same moment
                await Task.Delay(Random.Shared.Next(5, 20) * Math.Min(attempt, 10), ct); // another document took the number: next one
            }
        }
    }

    private static bool IsConflict(Exception ex) => ex is ConcurrencyException or DocumentAlreadyExistsException || ex.IsUniqueViolation()
        || ex is AggregateException all && all.InnerExceptions.All(IsConflict);

    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Morocco).DateTime);

    /// <summary>The VAT included in a price: total - total / (1 + rate), to the centime; none when exempt.</summary>
    public static decimal Vat(decimal total, decimal? rate) => rate is { } r ? Math.Round(total - total / (1 + r), 2, MidpointRounding.AwayFromZero) : 0m;

    private static Seller Seller(TaxIdentity tax) => new(tax.Names, tax.Ice, tax.TaxId, tax.RegisterNumber, tax.Address, tax.VatRate);

    private static Buyer Buyer(SubOrderForInvoice s) => s.Address is { } a
        ? new Buyer(a.FullName, string.Join(", ", new[] { a.Line1, a.Line2, $"{a.PostalCode} {a.City}".Trim(), a.Province }
            .Where(p => !string.IsNullOrWhiteSpace(p))), a.Phone)
        : new Buyer("-", "-", null);

    private static IReadOnlyList<InvoiceLine> Lines(SubOrderForInvoice s) =>
        s.Lines.Select(l => new InvoiceLine(l.Sku, l.Name, l.Unit, l.Quantity, l.UnitPrice, l.LineTotal)).ToList();
}
