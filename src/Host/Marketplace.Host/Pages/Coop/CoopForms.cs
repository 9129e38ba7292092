using System.Globalization;
using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Host.Pages.Coop;

/// <summary>
/// Field errors and typed numbers of the cooperative space's forms. A module names its fields as the API does
/// ("price.amount", "JoinedOn", "sectors[0]"); the page shows, beside its own field, a message of ours in the page's
/// language ("coop.error.price") that says what is expected; a field without one gets the module's message.
/// </summary>
public static class CoopForms
{
    /// <param name="prefix">the page's model prefix, such as "Input.".</param>
    /// <param name="special">a message key for one field and module message (e.g. an unknown e-mail), or null.</param>
    public static void AddModuleErrors(this ModelStateDictionary state, ValidationFailed failed, Texts texts, string prefix = "",
        Func<string, string, string?>? special = null)
    {
        var own = texts.Of(PageLanguage.Current);
        foreach (var (field, messages) in failed.Errors)
        {
            var name = FieldOf(field);
            var key = prefix + char.ToUpperInvariant(name[0]) + name[1..];
            foreach (var message in messages)
            {
                var text = special?.Invoke(name, message) is { } k ? texts[k]
                    : own.ContainsKey($"coop.error.{name}") ? texts[$"coop.error.{name}"] : message;
                if (state[key]?.Errors.Any(e => e.ErrorMessage == text) != true) state.AddModelError(key, text);
            }
        }
    }

    /// <summary>"price.amount" -> "price", "Sectors[0]" -> "sectors", "JoinedOn" -> "joinedOn".</summary>
    public static string FieldOf(string field)
    {
        var first = field.Split('.', '[')[0];
        return first.Length == 0 ? "form" : char.ToLowerInvariant(first[0]) + first[1..];
    }

    /// <summary>
    /// A decimal as people type it on a phone: "120,50", "120.50", "1 200", Arabic-Indic digits "١٢٠٫٥". Null when it is not one.
    /// </summary>
    public static decimal? ParseAmount(string? typed)
    {
        var text = Normalise(typed);
        if (text.Length == 0) return null;
        if (text.Count(c => c == ',') == 1 && !text.Contains('.')) text = text.Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public static int? ParseWhole(string? typed) =>
        int.TryParse(Normalise(typed), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An amount as a form shows it back: "120.5" for 120.50 (inputmode decimal, any language).</summary>
    public static string Typed(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static string Normalise(string? typed)
    {
        var builder = new StringBuilder();
        foreach (var c in (typed ?? "").Trim())
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Eastern Arabic-Indic digits
                '\u066B' => '.', // Arabic decimal separator
                ' ' or '\u00A0' or '\u202F' or '\u066C' => '\0', // group separators
                _ => c,
            });
        return builder.ToString().Replace("\0", "");
    }
}
