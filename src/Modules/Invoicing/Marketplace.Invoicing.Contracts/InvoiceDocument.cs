namespace Marketplace.Invoicing.Contracts;

/// <summary>The seller's legal identity as it was when the document was issued (Moroccan law: name, address, ICE, IF, RC).</summary>
/// <param name="Names">the cooperative's name by language ("fr", "ar"...).</param>
/// <param name="Ice">Identifiant Commun de l'Entreprise, 15 digits.</param>
/// <param name="TaxId">Identifiant Fiscal (IF).</param>
/// <param name="RegisterNumber">the register number (registre des coopératives / RC).</param>
/// <param name="VatRate">null: exempt ("TVA : exonérée"); else the rate (0.20) included in the prices.</param>
public sealed record Seller(IReadOnlyDictionary<string, string> Names, string Ice, string TaxId, string RegisterNumber, string Address,
    decimal? VatRate)
{
    public string Name(string language) => InvoiceTexts.Pick(Names, language);
}

/// <summary>The buyer: the shipping address's name and address.</summary>
public sealed record Buyer(string FullName, string Address, string? Phone);

/// <param name="Names">the product's name by language.</param>
public sealed record InvoiceLine(string Sku, IReadOnlyDictionary<string, string> Names, string Unit, int Quantity, decimal UnitPrice, decimal LineTotal)
{
    public string Name(string language) => InvoiceTexts.Pick(Names, language);
}

/// <summary>
/// Everything an issued invoice or credit note ("avoir") says, frozen when it is issued: the PDF is made from it once,
/// and the HTML page shows it in the reader's language. Amounts in MAD, prices including VAT when there is VAT.
/// </summary>
/// <param name="Kind">"invoice", "credit_note" or "commission".</param>
/// <param name="CreditedNumber">for a credit note: the number of the invoice it credits.</param>
/// <param name="Shipping">the delivery fee (a line of its own; 0 when free).</param>
/// <param name="Total">what the buyer paid (invoice) or gets back (credit note), VAT included.</param>
/// <param name="Vat">the VAT included in <paramref name="Total"/>; 0 when exempt.</param>
/// <param name="PaymentMethod">"card", "cash_on_delivery", or "deducted" (a commission taken from the cooperative's payouts).</param>
public sealed record InvoiceDocument(string Kind, string Number, DateTimeOffset IssuedAt, DateOnly IssueDate, string OrderNumber,
    DateOnly? DeliveredOn, Seller Seller, Buyer Buyer, IReadOnlyList<InvoiceLine> Lines, decimal Shipping, decimal Total, decimal Vat,
    string PaymentMethod, string? CreditedNumber = null, string Currency = "MAD")
{
    /// <summary>"commission": the platform's monthly invoice of its commission to a cooperative (OrderNumber is the month, yyyy-MM).</summary>
    public const string InvoiceKind = "invoice", CreditNoteKind = "credit_note", CommissionKind = "commission";
    public bool IsCreditNote => Kind == CreditNoteKind;
    public bool IsCommission => Kind == CommissionKind;
    public decimal TotalExcludingVat => Total - Vat;
}

internal static class InvoiceTexts
{
    /// <summary>The text in the language asked, else in fr, ar, en, zgh, else any (Contracts know no BuildingBlocks).</summary>
    public static string Pick(IReadOnlyDictionary<string, string> names, string language) =>
        new[] { language, "fr", "ar", "en", "zgh" }.Select(l => names.GetValueOrDefault(l)).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))
        ?? names.Values.FirstOrDefault() ?? "";
}
