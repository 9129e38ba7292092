using System.Globalization;

namespace Marketplace.Host.Pages.Shop;

/// <summary>How reviews are shown: stars, and a text's language and direction (it is shown as written, marked as such).</summary>
public static class ReviewFormat
{
    public static readonly int[] Stars = [5, 4, 3, 2, 1];

    /// <summary>Five stars, as many filled as the rating rounded to the nearest whole star (decorative: the number is said beside).</summary>
    public static string Drawn(decimal rating)
    {
        var filled = (int)Math.Clamp(Math.Round(rating, MidpointRounding.AwayFromZero), 0, 5);
        return new string('★', filled) + new string('☆', 5 - filled);
    }

    /// <summary>An average as the page's language writes it: 4.5, 4,5 or ٤٫٥ (one decimal at most).</summary>
    public static string Average(decimal average) => average.ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>The lang attribute of a text: its language when known, else none said (an empty lang: unknown).</summary>
    public static string Lang(string? language) => language ?? "";

    /// <summary>Its direction: Arabic right to left, other known languages left to right, unknown ones by their first strong letter.</summary>
    public static string Dir(string? language) => language switch { "ar" => "rtl", null => "auto", _ => "ltr" };

    /// <summary>The reviews in the reader's language first, each group newest first.</summary>
    public static IEnumerable<Reviews.Contracts.ReviewView> ReadersFirst(IEnumerable<Reviews.Contracts.ReviewView> reviews, string language) =>
        reviews.OrderBy(r => r.Language == language ? 0 : 1).ThenByDescending(r => r.WrittenAt);
}
