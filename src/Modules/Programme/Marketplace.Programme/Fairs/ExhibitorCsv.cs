using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Marketplace.BuildingBlocks;

namespace Marketplace.Programme.Fairs;

/// <summary>
/// Reads a fair's exhibitor list: UTF-8 CSV (a BOM is fine) with a header naming the columns name, province, sector,
/// phone, email, stand in any order, separated by commas or semicolons (as a French spreadsheet saves it). A province is
/// its code or its name in any language; a phone is Moroccan or international; the e-mail may be left empty. A faulty
/// line is reported and the others are read; a file that is not CSV at all is a 400.
/// </summary>
internal static partial class ExhibitorCsv
{
    public static readonly string[] Columns = ["name", "province", "sector", "phone", "email", "stand"];
    public const int MaxLines = 2_000;

    public sealed record Line(int Number, ExhibitorDetails? Details, string? Error);

    public static IReadOnlyList<Line> Parse(byte[] bytes)
    {
        var text = Utf8Text.Decode(bytes, line => Fault($"Line {line}: the file is not UTF-8 text: save it as CSV UTF-8."));
        if (string.IsNullOrWhiteSpace(text)) throw Fault($"The file is empty: it starts with the header {string.Join(',', Columns)}.");
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var lines = new List<Line>();
        try
        {
            using var reader = CsvReader.FromText(text, new CsvReaderOptions
            {
                Separator = separator, HasHeader = true, TrackLineNumbers = true, SkipEmptyLines = true,
                MalformedData = CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvFieldCountHandling.Allow,
            });
            var header = (reader.Headers ?? []).Select(h => h.Trim().ToLowerInvariant()).ToList();
            var missing = Columns.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0) throw Fault($"Line 1: the header lacks {string.Join(", ", missing)} (columns: {string.Join(',', Columns)}).");
            var at = Columns.ToDictionary(c => c, c => header.IndexOf(c));
            while (reader.Read())
            {
                var number = (int)reader.LineNumber;
                var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToArray();
                if (fields.All(string.IsNullOrEmpty)) continue;
                if (lines.Count >= MaxLines) throw Fault($"Line {number}: a list has at most {MaxLines} exhibitors.");
                string Field(string column) => at[column] < fields.Length ? fields[at[column]] : "";
                lines.Add(Read(number, Field));
            }
        }
        catch (CsvFormatException e)
        {
            throw Fault($"Line {Math.Max(1, e.LineNumber)}: the CSV is malformed (a quote out of place?).");
        }
        return lines;
    }

    private static Line Read(int number, Func<string, string> field)
    {
        var (name, stand, sector) = (field("name"), field("stand").ToUpperInvariant(), field("sector").ToLowerInvariant());
        var province = ProvinceOf(field("province"));
        var phone = PhoneNumber.Normalise(field("phone"));
        var email = field("email").ToLowerInvariant();
        string? error =
            name.Length is 0 or > 150 ? "name is required (at most 150 characters)."
            : !Stand().IsMatch(stand) ? $"stand '{Shorten(stand)}' is not a stand number (letters, digits and -, at most 20)."
            : province is null ? $"province '{Shorten(field("province"))}' is not a province of Souss-Massa ({string.Join(", ", Provinces.All.Select(p => p.Code))})."
            : !Sector().IsMatch(sector) ? "sector is a short word (such as argan, honey, tourism), at most 40 characters."
            : phone is null ? $"phone '{Shorten(field("phone"))}' is not a phone number (such as 06 12 34 56 78 or +212 6 12 34 56 78)."
            : email.Length > 0 && (email.Length > 254 || !Email().IsMatch(email)) ? $"email '{Shorten(email)}' is not an e-mail address."
            : null;
        return error is null
            ? new Line(number, new ExhibitorDetails(stand, name, province!, sector, phone!, email.Length == 0 ? null : email), null)
            : new Line(number, null, error);
    }

    /// <summary>The code of the province written as its code or as its name in any language, accents and case aside.</summary>
    private static string? ProvinceOf(string written)
    {
        var key = Key(written);
        return key.Length == 0 ? null : Provinces.All.FirstOrDefault(p => Key(p.Code) == key
            || new[] { p.Name.Ar, p.Name.Fr, p.Name.En, p.Name.Zgh }.Any(n => n is not null && Key(n) == key))?.Code;
    }

    private static string Key(string s)
    {
        var decomposed = s.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.NonSpacingMark
            && c is not (' ' or '-' or '\'' or '_')).ToArray());
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static ValidationFailed Fault(string message) => new("file", message);

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{0,19}$")]
    private static partial Regex Stand();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$")]
    private static partial Regex Sector();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
