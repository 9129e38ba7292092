using System.Globalization;
using System.Text;

namespace Marketplace.BuildingBlocks;

/// <summary>Texts people write by language ({"ar": ..., "fr": ..., "en": ..., "zgh": ...}): cleaning, checking, folding for search.</summary>
public static class Multilingual
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

    public static bool OnlyLanguages(IReadOnlyDictionary<string, string>? text) =>
        text is null || text.Keys.All(k => IsLanguage(k.Trim().ToLowerInvariant()));

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
