namespace Marketplace.BuildingBlocks;

/// <summary>Text in the platform's languages: {"ar": "...", "fr": "...", "en": "...", "zgh": "..."}.</summary>
public sealed record LocalizedText(string? Ar = null, string? Fr = null, string? En = null, string? Zgh = null)
{
    public static readonly string[] Languages = ["ar", "fr", "en", "zgh"];

    /// <summary>At least one of Arabic, French or English is required (Tifinagh alone is not yet read by most).</summary>
    public bool HasMainLanguage => !string.IsNullOrWhiteSpace(Ar) || !string.IsNullOrWhiteSpace(Fr) || !string.IsNullOrWhiteSpace(En);

    public string? this[string language] => language switch
    {
        "ar" => Ar, "fr" => Fr, "en" => En, "zgh" => Zgh, _ => null,
    };

    public IEnumerable<string> Values => new[] { Ar, Fr, En, Zgh }.Where(v => !string.IsNullOrWhiteSpace(v))!;

    /// <summary>The text in <paramref name="language"/>, else in the first of fr, ar, en, zgh the item has.</summary>
    public string Pick(string language) =>
        new[] { this[language], Fr, Ar, En, Zgh }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";

    /// <summary>A name kept as a dictionary by language: in <paramref name="language"/>, else in fr, ar, en, zgh, else any.</summary>
    public static string Pick(IReadOnlyDictionary<string, string> text, string language) =>
        new[] { language, "fr", "ar", "en", "zgh" }.Select(text.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
        ?? text.Values.FirstOrDefault() ?? "";

    public LocalizedText Trimmed() => new(Ar?.Trim().NullIfEmpty(), Fr?.Trim().NullIfEmpty(), En?.Trim().NullIfEmpty(), Zgh?.Trim().NullIfEmpty());
}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string s) => s.Length == 0 ? null : s;
}
