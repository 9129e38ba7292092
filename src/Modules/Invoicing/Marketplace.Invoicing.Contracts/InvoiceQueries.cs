using MediatR;

namespace Marketplace.Invoicing.Contracts;

// What the pages (the order page, the invoice page, the cooperative space) ask of Invoicing: the same rules as the API.
// Readers: the shopper who ordered, the cooperative's staff, administrators (Forbidden otherwise; NotFound when unknown).

/// <summary>
/// A sub-order's invoice and credit notes, oldest first. <see cref="SubOrderInvoices.State"/>: "issued", "not_delivered"
/// (card: not paid and delivered yet) or "waiting_tax_identity" (the cooperative has not set its ICE, IF...).
/// </summary>
public sealed record GetSubOrderInvoices(Guid OrderId, Guid SubOrderId, Guid ViewerId, bool ViewerIsAdmin) : IRequest<SubOrderInvoices>;

public sealed record SubOrderInvoices(string State, IReadOnlyList<InvoiceView> Documents)
{
    public const string Issued = "issued", NotDelivered = "not_delivered", WaitingForTaxIdentity = "waiting_tax_identity";
}

/// <param name="Kind">"invoice" or "credit_note".</param>
/// <param name="Sha256">of the stored PDF, which never changes.</param>
public sealed record InvoiceView(Guid Id, string Number, string Kind, DateTimeOffset IssuedAt, Guid OrderId, Guid SubOrderId, Guid CooperativeId,
    decimal Total, string Sha256, InvoiceDocument Document);

/// <summary>One document of a sub-order's series, as stored (PDF).</summary>
public sealed record GetInvoicePdf(Guid OrderId, Guid SubOrderId, string Number, Guid ViewerId, bool ViewerIsAdmin) : IRequest<InvoiceFile>;

public sealed record InvoiceFile(string Number, byte[] Content, string Sha256);

/// <summary>The cooperative's invoices and credit notes, newest first (staff and administrators).</summary>
public sealed record ListCooperativeInvoices(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin, int Page = 1, int PageSize = 20)
    : IRequest<CooperativeInvoicePage>;

public sealed record CooperativeInvoicePage(IReadOnlyList<CooperativeInvoiceItem> Items, long Total, int Page, int PageSize);

/// <param name="Kind">"invoice" or "credit_note".</param>
public sealed record CooperativeInvoiceItem(string Number, string Kind, DateTimeOffset IssuedAt, Guid OrderId, string OrderNumber, Guid SubOrderId,
    decimal Total, string Currency);

/// <summary>How many delivered sub-orders of the cooperative wait for its tax identity to be invoiced.</summary>
public sealed record CountInvoicesWaiting(Guid CooperativeId) : IRequest<int>;
