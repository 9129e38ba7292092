using System.ComponentModel.DataAnnotations;

namespace Marketplace.Invoicing.Commission;

/// <summary>
/// The platform's own legal identity (Marketplace:Platform), the seller of its monthly commission invoices to cooperatives.
/// Without an ICE, no commission invoice is issued (the Host says so at start).
/// </summary>
internal sealed class PlatformIdentity
{
    public const string Section = "Marketplace:Platform";
    public string Name { get; set; } = "Place de marché des coopératives du Souss-Massa";
    public string? NameAr { get; set; } = "سوق تعاونيات سوس ماسة";
    public string? Ice { get; set; }
    public string TaxId { get; set; } = "";
    public string RegisterNumber { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>The VAT included in the commission (0.20 by default); null or empty: exempt.</summary>
    [Range(0, 0.5)] public decimal? VatRate { get; set; } = 0.20m;
    /// <summary>When the month's commission invoices are issued (the 1st at 03:00, Africa/Casablanca).</summary>
    public string MonthlyCron { get; set; } = "0 3 1 * *";

    public bool Configured => !string.IsNullOrWhiteSpace(Ice);
}
