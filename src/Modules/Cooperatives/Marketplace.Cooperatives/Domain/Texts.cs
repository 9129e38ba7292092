using Marketplace.BuildingBlocks;

namespace Marketplace.Cooperatives.Domain;

/// <summary>Multilingual text kept as {"ar": ..., "fr": ..., "en": ..., "zgh": ...}, and folding for text search.</summary>
internal static class Texts
{
    public static bool IsLanguage(string? key) => Multilingual.IsLanguage(key);

    public static Dictionary<string, string> Clean(IReadOnlyDictionary<string, string>? text) => Multilingual.Clean(text);

    public static bool HasMainLanguage(IReadOnlyDictionary<string, string>? text) => Multilingual.HasMainLanguage(text);

    public static LocalizedText ToLocalized(IReadOnlyDictionary<string, string> text) =>
        new(text.GetValueOrDefault("ar"), text.GetValueOrDefault("fr"), text.GetValueOrDefault("en"), text.GetValueOrDefault("zgh"));

    /// <summary>The text in <paramref name="language"/>, else in another language the item has.</summary>
    public static string Pick(IReadOnlyDictionary<string, string> text, string language) => ToLocalized(text).Pick(language);

    public static Dictionary<string, string> Of(LocalizedText text) =>
        LocalizedText.Languages.Where(l => !string.IsNullOrWhiteSpace(text[l])).ToDictionary(l => l, l => text[l]!);

    public static string Fold(string text) => Multilingual.Fold(text);
}
