using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;

namespace Marketplace.Catalogue.Features;

/// <summary>The rules of a listing's fields, shared by CreateProduct and UpdateProduct (each field keeps its JSON name).</summary>
internal static partial class ListingRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const decimal MaxPrice = 1_000_000m;
    public const int MaxStock = 1_000_000;

    public static void AddListingRules<T>(this AbstractValidator<T> v, Func<T, string?> sku, Func<T, string?> category,
        Func<T, IReadOnlyDictionary<string, string?>?> name, Func<T, IReadOnlyDictionary<string, string?>?> description,
        Func<T, ProductPrice?> price, Func<T, string?> unit, Func<T, IReadOnlyList<string>?> labels,
        Func<T, string?> foodSafetyNumber, Func<T, string?> province)
    {
        v.RuleFor(x => sku(x)).NotEmpty().OverridePropertyName("sku").MaximumLength(64)
            .Matches(SkuPattern()).WithMessage("A sku is letters, digits, '.', '_' or '-'.");
        v.RuleFor(x => category(x)).NotEmpty().OverridePropertyName("category")
            .Must(Categories.IsKnown).WithMessage(x => $"Unknown category '{category(x)}' (see GET /api/categories).");
        v.RuleFor(x => name(x)).NotNull().OverridePropertyName("name").WithMessage("A name is required.")
            .Must(n => n is null || ToText(n).HasMainLanguage).WithMessage("A name in Arabic, French or English is required.")
            .Must(KnownLanguages).WithMessage("Languages are ar, fr, en and zgh.")
            .Must(n => n is null || n.Values.All(t => (t?.Trim().Length ?? 0) <= MaxNameLength))
            .WithMessage($"A name has at most {MaxNameLength} characters.");
        v.RuleFor(x => description(x))
            .Must(KnownLanguages).OverridePropertyName("description").WithMessage("Languages are ar, fr, en and zgh.")
            .Must(d => d is null || d.Values.All(t => (t?.Trim().Length ?? 0) <= MaxDescriptionLength))
            .WithMessage($"A description has at most {MaxDescriptionLength} characters.");
        v.RuleFor(x => price(x)).NotNull().OverridePropertyName("price").WithMessage("A price is required.");
        v.RuleFor(x => price(x)!.Amount).NotNull().OverridePropertyName("price.amount")
            .GreaterThan(0m).LessThanOrEqualTo(MaxPrice)
            .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("A price has at most 2 decimals (centimes).")
            .When(x => price(x) is not null);
        v.RuleFor(x => price(x)!.Currency)
            .Must(c => c is null || string.Equals(c.Trim(), Money.DefaultCurrency, StringComparison.OrdinalIgnoreCase)).OverridePropertyName("price.currency")
            .WithMessage("Prices are in MAD.")
            .When(x => price(x) is not null);
        v.RuleFor(x => unit(x)).NotEmpty().OverridePropertyName("unit").MaximumLength(40)
            .Must(u => u is null || u.Trim().Length > 0).WithMessage("A unit is required, such as \"bottle 250 ml\".");
        v.RuleFor(x => labels(x))
            .Must(l => l is null || l.All(code => Labels.IsKnown(code?.Trim().ToUpperInvariant()))).OverridePropertyName("labels")
            .WithMessage(x => $"Labels are {string.Join(", ", Labels.All.Keys)}.");
        v.RuleFor(x => foodSafetyNumber(x)).MaximumLength(40).OverridePropertyName("foodSafetyNumber")
            .Matches(FoodSafetyPattern()).WithMessage("A food-safety authorisation number is letters, digits, '.', '/', '-' or spaces.")
            .Must((x, n) => string.IsNullOrWhiteSpace(n) || Categories.Find(category(x)) is not { IsFood: false })
            .WithMessage("A food-safety authorisation number is for food products only.");
        v.RuleFor(x => province(x))
            .Must(p => p is null || Provinces.IsKnown(p)).OverridePropertyName("province").WithMessage(x => $"Unknown province '{province(x)}'.");
    }

    public static LocalizedText ToText(IReadOnlyDictionary<string, string?>? text) => text is null ? new LocalizedText()
        : new LocalizedText(text.GetValueOrDefault("ar"), text.GetValueOrDefault("fr"), text.GetValueOrDefault("en"),
            text.GetValueOrDefault("zgh")).Trimmed();

    public static ListingFields ToListing(string sku, string category, IReadOnlyDictionary<string, string?> name,
        IReadOnlyDictionary<string, string?>? description, ProductPrice price, string unit, IReadOnlyList<string>? labels,
        string? foodSafetyNumber, string province) =>
        new(sku.Trim(), category, ToText(name), ToText(description), price.Amount!.Value + 0.00m, Money.DefaultCurrency, unit.Trim(),
            (labels ?? []).Select(l => l.Trim().ToUpperInvariant()).Distinct().Order().ToList(),
            string.IsNullOrWhiteSpace(foodSafetyNumber) ? null : foodSafetyNumber.Trim(), province);

    private static bool KnownLanguages(IReadOnlyDictionary<string, string?>? text) =>
        text is null || text.Keys.All(LocalizedText.Languages.Contains);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[A-Za-z0-9./ -]*$")]
    private static partial Regex FoodSafetyPattern();
}
