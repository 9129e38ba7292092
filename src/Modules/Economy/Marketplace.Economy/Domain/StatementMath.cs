namespace Marketplace.Economy.Domain;

/// <summary>A member's statement for a period, from her account's lines.</summary>
internal sealed record StatementFigures(decimal Opening, IReadOnlyList<MemberEntry> Supplies, IReadOnlyList<MemberEntry> Payments,
    IReadOnlyList<MemberEntry> SurplusShares, decimal SuppliesTotal, decimal PaymentsTotal, decimal SurplusTotal, decimal Closing);

internal static class StatementMath
{
    /// <summary>
    /// Opening: every line dated before <paramref name="from"/>; then the lines from <paramref name="from"/> to <paramref name="to"/>
    /// (both included) in date order; closing = opening + supplies + surplus shares - payments. Lines after the period are left out.
    /// </summary>
    public static StatementFigures Of(IEnumerable<MemberEntry> lines, DateOnly from, DateOnly to)
    {
        var all = lines.ToList();
        var opening = all.Where(l => l.Date < from).Sum(l => l.Effect);
        var period = all.Where(l => l.Date >= from && l.Date <= to).OrderBy(l => l.Date).ThenBy(l => l.RecordedAt).ToList();
        List<MemberEntry> Of(string kind) => period.Where(l => l.Kind == kind).ToList();
        var (supplies, payments, surplus) = (Of(EntryKinds.Supply), Of(EntryKinds.Payment), Of(EntryKinds.Surplus));
        var (s, p, r) = (supplies.Sum(l => l.Amount), payments.Sum(l => l.Amount), surplus.Sum(l => l.Amount));
        return new StatementFigures(opening, supplies, payments, surplus, s, p, r, opening + s + r - p);
    }
}
