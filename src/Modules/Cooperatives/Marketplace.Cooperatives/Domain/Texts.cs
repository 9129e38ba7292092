using System.Globalization;
using System.Text;
using Marketplace.BuildingBlocks;

namespace Marketplace.Cooperatives.Domain;

/// <summary>Multilingual text kept as {"ar": ..., "fr": ..., "en": ..., "zgh": ...}, and folding for text search.</summary>
internal static class Texts
{
    public static bool IsLanguage(string? key) => key is not null && LocalizedText.Languages.Contains(key);

    /// <summary>Keys in lower case (the first of "FR" and "fr" wins), values trimmed, blanks dropped.</summary>
    public static Dictionary<string, string> Clean(IReadOnlyDictionary<string, string>? text) =>
        (text ?? new Dictionary<string, string>())
        .Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
        .GroupBy(kv => kv.Key.Trim().ToLowerInvariant())
        .ToDictionary(g => g.Key, g => g.First().Value.Trim());

    public static bool HasMainLanguage(IReadOnlyDictionary<string, string>? text) =>
        text is not null && text.Any(kv => kv.Key.Trim().ToLowerInvariant() is "ar" or "fr" or "en" && !string.IsNullOrWhiteSpace(kv.Value));

    public static LocalizedText ToLocalized(IReadOnlyDictionary<string, string> text) =>
        new(text.GetValueOrDefault("ar"), text.GetValueOrDefault("fr"), text.GetValueOrDefault("en"), text.GetValueOrDefault("zgh"));

    /// <summary>The text in <paramref name="language"/>, else in another language the item has.</summary>
    public static string Pick(IReadOnlyDictionary<string, string> text, string language) => ToLocalized(text).Pick(language);

    public static Dictionary<string, string> Of(LocalizedText text) =>
        LocalizedText.Languages.Where(l => !string.IsNullOrWhiteSpace(text[l])).ToDictionary(l => l, l => text[l]!);

    /// <summary>
    /// Lower case, without accents or Arabic diacritics and tatweel, Arabic letter variants folded (أ إ آ ٱ to ا,
    /// ى to ي, ة to ه): "Coopérative" matches "cooperative", "أركان" matches "اركان".
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark || ch == 'ـ') continue;
            builder.Append(ch switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
