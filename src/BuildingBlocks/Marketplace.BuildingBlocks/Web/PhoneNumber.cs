using System.Text.RegularExpressions;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// Phone numbers as people write them in Morocco and abroad: "06 12 34 56 78", "0528-123456", "+212 6 12 34 56 78",
/// "00212 612345678", "+33 6 12 34 56 78". Kept in international form (E.164): "+212612345678".
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>The number in E.164 form, or null when it is not a phone number.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var compact = Separators().Replace(input.Trim(), "");
        if (compact.StartsWith("00")) compact = "+" + compact[2..];
        if (compact.StartsWith("+2120")) compact = "+212" + compact[5..]; // "+212 (0)6 ..." is written too
        if (MoroccanNational().IsMatch(compact)) return "+212" + compact[1..];
        if (compact.StartsWith("+212")) return MoroccanInternational().IsMatch(compact) ? compact : null;
        return International().IsMatch(compact) ? compact : null;
    }

    public static bool IsValid(string? input) => Normalise(input) is not null;

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    /// <summary>0 then 5 (landline), 6 or 7 (mobile) or 8 (services), then 8 digits.</summary>
    [GeneratedRegex(@"^0[5-8]\d{8}$")]
    private static partial Regex MoroccanNational();

    [GeneratedRegex(@"^\+212[5-8]\d{8}$")]
    private static partial Regex MoroccanInternational();

    /// <summary>E.164: a country code that does not start with 0, at most 15 digits in all.</summary>
    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex International();
}
