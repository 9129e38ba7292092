using System.Globalization;
using CsvHelper;

namespace Marketplace.BuildingBlocks;

/// <summary>CSV files people open in a spreadsheet: UTF-8 with a byte-order mark (Arabic shows right), invariant numbers.</summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Separator = ',', WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteHeader(header.ToArray());
            foreach (var row in rows) csv.WriteRecord(row.ToArray());
        }
        return buffer.ToArray();
    }

    /// <summary>Text from people (names, references): a leading formula character is neutralised (CSV injection).</summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.IndexOfAny(FormulaStarts) == 0 ? "'" + value : value;

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
