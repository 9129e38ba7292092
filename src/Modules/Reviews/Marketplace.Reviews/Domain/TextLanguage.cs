namespace Marketplace.Reviews.Domain;

/// <summary>
/// The language a review is written in, for the pages' lang and dir: its script decides first (Arabic letters: ar; Tifinagh:
/// zgh); a text in Latin letters is in the language of the page it was written from when that is French or English, else
/// unknown (Tamazight and French are both written in Latin letters too).
/// </summary>
internal static class TextLanguage
{
    public static string? Of(string? text, string? pageLanguage)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var (arabic, tifinagh, latin) = (0, 0, 0);
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF') arabic++;
            else if (c is >= '\u2D30' and <= '\u2D7F') tifinagh++;
            else if (char.IsLetter(c) && c < '\u0250') latin++;
        }
        if (arabic == 0 && tifinagh == 0 && latin == 0) return null;
        if (arabic >= tifinagh && arabic >= latin) return "ar";
        if (tifinagh >= latin) return "zgh";
        return pageLanguage is "fr" or "en" ? pageLanguage : null;
    }
}
