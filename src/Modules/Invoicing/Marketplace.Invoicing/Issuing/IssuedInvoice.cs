
namespace Marketplace.Invoicing.Issuing;

/// <summary>
/// An issued invoice or credit note: never changed once stored. Its PDF bytes (<see cref="IssuedPdf"/>, apart: about 400 KB
/// with the whole DejaVu font) and their SHA-256 are kept, so what was issued is what is downloaded, whatever the code or the
/// cooperative's data later become.
/// </summary>
internal sealed class IssuedInvoice
{
    public Guid Id { get; set; }
    /// <summary>Unique: "invoice:{subOrderId}" (one invoice per sub-order) or "credit:{subOrderId}:{refund reference}".</summary>
    public string Key { get; set; } = "";
    public string Number { get; set; } = "";
    public string Kind { get; set; } = InvoiceDocument.InvoiceKind;
    /// <summary>The cooperative: the seller of its invoices and credit notes, the buyer of the platform's commission invoices.</summary>
    public Guid CooperativeId { get; set; }
    /// <summary>Whose series the number is of: the cooperative's id, or <see cref="InvoiceNumbers.PlatformSeries"/>.</summary>
    public Guid SeriesId { get; set; }
    public Guid OrderId { get; set; }
    public Guid SubOrderId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public decimal Total { get; set; }
    public InvoiceDocument Document { get; set; } = null!;
    public string Sha256 { get; set; } = "";
}

/// <summary>The PDF of an issued document, as issued (its id is the document's).</summary>
internal sealed class IssuedPdf
{
    public Guid Id { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>The last number of a cooperative's series in a year ("{cooperative}-{year}"), under optimistic concurrency.</summary>
internal sealed class InvoiceCounter
{
    public string Id { get; set; } = "";
    public int Last { get; set; }
}

/// <summary>A cooperative's series code (C0007): the first part of its invoices' numbers, given at its first invoice.</summary>
internal sealed class InvoiceSeries
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
}

/// <summary>A delivered sub-order whose cooperative has no tax identity yet: invoiced as soon as it sets one.</summary>
internal sealed class WaitingInvoice
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid CooperativeId { get; set; }
    public DateTimeOffset Since { get; set; }
}
