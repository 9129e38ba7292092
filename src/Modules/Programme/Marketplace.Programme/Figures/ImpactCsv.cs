using Marketplace.BuildingBlocks;

namespace Marketplace.Programme.Figures;

/// <summary>
/// The impact as one CSV for a spreadsheet: a line per figure, with its section (summary, province, category, month),
/// its key, its name in the reader's language and its value (amounts in MAD, counts, the women-led share from 0 to 1).
/// </summary>
internal static class ImpactCsv
{
    public static byte[] Write(Impact impact)
    {
        static string[] Row(string section, string key, string name, string value) => [section, key, Csv.Text(name), value];
        var rows = new List<string[]>
        {
            Row("period", "from", "", impact.From.ToString("yyyy-MM-dd")),
            Row("period", "to", "", impact.To.ToString("yyyy-MM-dd")),
            Row("summary", "sales", "", Csv.Amount(impact.Sales.Total.Amount)),
            Row("summary", "cooperativesSelling", "", impact.CooperativesSelling.ToString()),
            Row("summary", "womenLedShare", "", impact.WomenLedShare.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)),
            Row("summary", "membersPaid", "", impact.MembersPaid.ToString()),
            Row("summary", "paidToMembers", "", Csv.Amount(impact.PaidToMembers.Amount)),
            Row("summary", "payoutsMade", "", impact.PayoutsMade.Payouts.ToString()),
            Row("summary", "cooperativesPaidOut", "", impact.PayoutsMade.Cooperatives.ToString()),
            Row("summary", "paidOut", "", Csv.Amount(impact.PayoutsMade.Amount.Amount)),
        };
        rows.AddRange(impact.Sales.ByProvince.Select(l => Row("province", l.Key, l.Name, Csv.Amount(l.Amount.Amount))));
        rows.AddRange(impact.Sales.ByCategory.Select(l => Row("category", l.Key, l.Name, Csv.Amount(l.Amount.Amount))));
        rows.AddRange(impact.Sales.ByMonth.Select(m => Row("month", m.Month, "", Csv.Amount(m.Amount.Amount))));
        return Csv.Write(["section", "key", "name", "value"], rows);
    }
}
