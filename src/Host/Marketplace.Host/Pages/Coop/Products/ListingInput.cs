using Marketplace.Catalogue.Contracts;

namespace Marketplace.Host.Pages.Coop.Products;

/// <summary>A product's listing as its form sends it: numbers as typed (parsed by <see cref="CoopForms"/>), texts by language.</summary>
public sealed class ListingInput
{
    public string? Sku { get; set; }
    public string? Category { get; set; }
    public string? Name { get; set; } // errors of the whole name
    public string? NameAr { get; set; }
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; } // errors of the whole description
    public string? DescriptionAr { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionEn { get; set; }
    public string? Price { get; set; }
    public string? Unit { get; set; }
    public string? Stock { get; set; }
    public List<string> Labels { get; set; } = [];
    public string? FoodSafetyNumber { get; set; }
    public string? Province { get; set; }
    public long Version { get; set; }

    public Dictionary<string, string?> Names() => Texts(NameAr, NameFr, NameEn);
    public Dictionary<string, string?> Descriptions() => Texts(DescriptionAr, DescriptionFr, DescriptionEn);

    /// <summary>The price as typed, or null when none was typed or it is not an amount (the module then refuses it).</summary>
    public ProductPrice? PriceOf() => CoopForms.ParseAmount(Price) is { } amount ? new ProductPrice(amount) : null;

    public static ListingInput Of(EditableProduct p) => new()
    {
        Sku = p.Sku, Category = p.Category, Unit = p.Unit, Labels = [.. p.Labels], FoodSafetyNumber = p.FoodSafetyNumber, Province = p.Province,
        NameAr = p.Name.GetValueOrDefault("ar"), NameFr = p.Name.GetValueOrDefault("fr"), NameEn = p.Name.GetValueOrDefault("en"),
        DescriptionAr = p.Description.GetValueOrDefault("ar"), DescriptionFr = p.Description.GetValueOrDefault("fr"),
        DescriptionEn = p.Description.GetValueOrDefault("en"), Price = CoopForms.Typed(p.Price), Version = p.Version,
        Stock = p.OnHand.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string?> Texts(string? ar, string? fr, string? en) =>
        new[] { ("ar", ar), ("fr", fr), ("en", en) }.Where(t => !string.IsNullOrWhiteSpace(t.Item2))
            .ToDictionary(t => t.Item1, t => (string?)t.Item2!.Trim());
}

/// <summary>What the listing fields' partial shows: the input, the form's choices, and whether the stock is asked (new products).</summary>
public sealed record ListingForm(ListingInput Input, ListingOptions Options, bool AskStock);
