using System.Globalization;
using Marketplace.BuildingBlocks;

namespace Marketplace.Host.Web;

/// <summary>Amounts, numbers and dates written for the page's language (MAD: "د.م." in Arabic, "MAD" otherwise).</summary>
public static class Format
{
    public static string Money(decimal amount, string currency = "MAD")
    {
        var number = amount.ToString("N2", CultureInfo.CurrentCulture);
        var symbol = currency == "MAD" && PageLanguage.Current == "ar" ? "د.م." : currency;
        return PageLanguage.Current == "en" ? $"{symbol} {number}" : $"{number} {symbol}";
    }

    public static string Money(Money money) => Money(money.Amount, money.Currency);

    public static string Number(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A quantity as weighed or counted: "12.5", "1 200" (up to 3 decimals, in the page's culture).</summary>
    public static string Quantity(decimal q) => q.ToString("#,0.###", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset at) => at.ToString("g", CultureInfo.CurrentCulture);

    /// <summary>A multilingual text in the page's language, falling back to another the item has.</summary>
    public static string Text(IReadOnlyDictionary<string, string>? text) =>
        text is null ? "" : text.GetValueOrDefault(PageLanguage.Current) is { Length: > 0 } t ? t
            : new[] { "fr", "ar", "en", "zgh" }.Select(text.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
}
