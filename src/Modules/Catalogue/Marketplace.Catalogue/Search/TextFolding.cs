using System.Globalization;
using System.Text;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// Normalises text the same way for products and queries, before PostgreSQL's text search (STACK.md): lower case;
/// accents and Arabic diacritics dropped (so أ إ آ become ا and ؤ ئ lose their hamza); ٱ to ا, ى to ي, ة to ه;
/// tatweel dropped; Arabic-Indic digits to 0-9; typographic apostrophes to '. Words are runs of letters and digits;
/// French elisions (l', d', qu'...) and one-letter words are dropped.
/// </summary>
internal static class TextFolding
{
    private static readonly string[] ArabicPrefixes = ["وال", "بال", "كال", "فال", "لل", "ال"];
    private static readonly string[] ArabicSuffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
    private const int MinStemLength = 3;

    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue; // accents, harakat, hamza marks
            folded.Append(c switch
            {
                'ٱ' => 'ا',
                'ى' or 'ی' => 'ي',
                'ة' => 'ه',
                'ک' => 'ك',
                'ـ' => '\0',
                '’' or '‘' or 'ʼ' or '`' or '´' or 'ʻ' => '\'',
                >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                _ => c,
            });
        }
        return folded.Replace("\0", "").ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of folded text: letters and digits, without elisions and one-letter words.</summary>
    public static IEnumerable<string> Words(string folded)
    {
        var word = new StringBuilder();
        foreach (var c in folded.Append(' '))
        {
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            var elided = c == '\'' && word.Length <= 2; // l' d' j' m' n' s' t' c' qu'
            if (word.Length > 1 && !elided) yield return word.ToString();
            word.Clear();
        }
    }

    public static bool IsArabic(string word) => word.Any(c => c is >= '\u0600' and <= '\u06FF');

    /// <summary>
    /// A light Arabic stemmer: one prefix (article, attached prepositions) and one suffix (plural and pronoun endings)
    /// are stripped while at least three letters remain, so that a word is found with or without its article.
    /// </summary>
    public static string StemArabic(string word)
    {
        if (!IsArabic(word)) return word;
        foreach (var prefix in ArabicPrefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= MinStemLength)
            {
                word = word[prefix.Length..];
                break;
            }
        foreach (var suffix in ArabicSuffixes)
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= MinStemLength)
                return word[..^suffix.Length];
        return word;
    }
}
