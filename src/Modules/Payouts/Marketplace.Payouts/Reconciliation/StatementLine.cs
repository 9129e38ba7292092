using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Payouts.Reconciliation;

/// <summary>A line of the platform's bank statement as parsed: where it was in the file, and what it says.</summary>
internal sealed record ParsedLine(int LineNumber, DateOnly Date, string Reference, decimal Amount, string Counterparty);

/// <summary>
/// A line of the platform's bank statement, kept once: its id comes from what it says (and how many identical lines
/// came before it in its file), so that importing the same statement again adds nothing.
/// </summary>
internal sealed class StatementLine
{
    public string Id { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Reference { get; set; } = "";
    public decimal Amount { get; set; }
    public string Counterparty { get; set; } = "";
    public int LineNumber { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public Guid? PayoutId { get; set; }
    public string? PayoutReference { get; set; }
    /// <summary>A credit: the bank sent the payout back.</summary>
    public bool Returned { get; set; }

    public static string IdOf(ParsedLine line, int occurrence)
    {
        var text = string.Join('\u001f', line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.Reference,
            line.Amount.ToString("0.00", CultureInfo.InvariantCulture), line.Counterparty, occurrence.ToString(CultureInfo.InvariantCulture));
        return "stmt-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }

    public static StatementLine From(ParsedLine line, string id, DateTimeOffset at) => new()
    {
        Id = id, Date = line.Date, Reference = line.Reference, Amount = line.Amount, Counterparty = line.Counterparty,
        LineNumber = line.LineNumber, ImportedAt = at,
    };
}

/// <summary>A statement line as answers show it.</summary>
internal sealed record StatementLineView(int Line, DateOnly Date, string Reference, decimal Amount, string Counterparty, string? PayoutReference)
{
    public static StatementLineView Of(StatementLine l) => new(l.LineNumber, l.Date, l.Reference, l.Amount, l.Counterparty, l.PayoutReference);
}
