using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Marketplace.Host.Web;

/// <summary>
/// Every visible text of the pages, from Resources/*.{ar,fr,en,zgh}.json (one file per area and language:
/// texts, storefront, coop, admin...), in the language of the request (the current UI culture).
/// A key missing in a language falls back to French, then to the key itself.
/// </summary>
public sealed class Texts
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage;

    public Texts()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Resources");
        byLanguage = PageLanguage.All.ToFrozenDictionary(lang => lang, lang => Directory.GetFiles(folder, $"*.{lang}.json")
            .SelectMany(file => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!)
            .ToFrozenDictionary(t => t.Key, t => t.Value));
    }

    public IReadOnlyDictionary<string, string> Of(string language) => byLanguage[language];

    public string this[string key] => Get(PageLanguage.Current, key);

    public string this[string key, params object[] args] => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public string Get(string language, string key) =>
        byLanguage.GetValueOrDefault(language)?.GetValueOrDefault(key) ?? byLanguage["fr"].GetValueOrDefault(key) ?? key;
}
