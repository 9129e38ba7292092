using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Host.Web;

public static partial class ModelStateErrors
{
    /// <summary>
    /// Shows a module's field errors beside the page's fields ("shippingAddress.city" -> "ShippingAddress.City").
    /// The messages come from the validators in the page's language (FluentValidation follows the UI culture);
    /// the quoted field name in them is replaced by the page's own label for it when one is given.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary state, ValidationFailed failed, IReadOnlyDictionary<string, string>? labels = null)
    {
        foreach (var (field, messages) in failed.Errors)
        {
            var key = string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            foreach (var message in messages)
                state.AddModelError(key, labels?.GetValueOrDefault(field) is { } label ? QuotedName().Replace(message, $"« {label} »", 1) : message);
        }
    }

    [GeneratedRegex("'[^']{1,60}'")]
    private static partial Regex QuotedName();
}
