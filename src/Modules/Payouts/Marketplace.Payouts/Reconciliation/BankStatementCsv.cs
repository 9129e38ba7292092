using System.Globalization;
using CsvHelper;
using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Reconciliation;

/// <summary>
/// Reads the platform's bank statement: UTF-8 CSV (a BOM is fine), header date,reference,amount,counterparty, days as
/// yyyy-MM-dd or dd/MM/yyyy, amounts with a point and at most 2 decimals (transfers out are negative). Any fault is a
/// 400 that names its line; nothing is read from a faulty file.
/// </summary>
internal static class BankStatementCsv
{
    public static readonly string[] Header = ["date", "reference", "amount", "counterparty"];
    public const int MaxLines = 50_000;
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    public static IReadOnlyList<ParsedLine> Parse(byte[] bytes)
    {
        var text = Utf8Text.Decode(bytes, line => Fault(line, "the file is not UTF-8 text: save the statement as CSV UTF-8."));
        if (string.IsNullOrWhiteSpace(text)) throw Fault(1, "the file is empty: it starts with the header date,reference,amount,counterparty.");
        var lines = new List<ParsedLine>();
        try
        {
            using var reader = CsvReader.FromText(text, new CsvReaderOptions
            {
                Separator = ',', HasHeader = true, TrackLineNumbers = true, SkipEmptyLines = true,
                MalformedData = CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvFieldCountHandling.Allow,
            });
            var header = reader.Headers ?? [];
            if (!header.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Header))
                throw Fault(1, "the header must be date,reference,amount,counterparty.");
            while (reader.Read())
            {
                var number = (int)reader.LineNumber;
                var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToArray();
                if (fields.All(string.IsNullOrEmpty)) continue;
                if (fields.Length != Header.Length) throw Fault(number, $"{fields.Length} columns where 4 are expected.");
                if (!DateOnly.TryParseExact(fields[0], DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw Fault(number, $"'{Shorten(fields[0])}' is not a date (yyyy-MM-dd).");
                if (!decimal.TryParse(fields[2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                    || !Money.HasAtMostTwoDecimals(amount))
                    throw Fault(number, $"'{Shorten(fields[2])}' is not an amount (such as -1250.00).");
                if (fields[1].Length > 500 || fields[3].Length > 500) throw Fault(number, "a reference or counterparty is longer than 500 characters.");
                lines.Add(new ParsedLine(number, date, fields[1], amount, fields[3]));
                if (lines.Count > MaxLines) throw Fault(number, $"a statement has at most {MaxLines} lines.");
            }
        }
        catch (CsvFormatException e)
        {
            throw Fault((int)Math.Max(1, e.LineNumber), "the CSV is malformed (a quote out of place?).");
        }
        return lines;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static ValidationFailed Fault(int line, string message) =>
        new(new Dictionary<string, string[]> { ["file"] = [$"Line {line}: {message}"] });
}
