using System.Collections.Frozen;

namespace Marketplace.Catalogue.Contracts;

/// <summary>
/// Where the drawn picture of a product (or a visit) without a photo is: one drawing per kind, in <see cref="Variants"/>
/// colourings so that a category page does not repeat one image; a product always gets the same one (from its id).
/// Served by the Catalogue at /api/pictures/{kind}-{n}.svg.
/// </summary>
public static class Pictures
{
    public const int Variants = 3;

    private static readonly FrozenDictionary<string, string> KindOfCategory = new Dictionary<string, string>
    {
        ["argan"] = "argan-oil", ["argan-culinary-oil"] = "argan-oil", ["argan-cosmetic-oil"] = "argan-oil", ["amlou-spreads"] = "amlou",
        ["honey"] = "honey", ["saffron-spices"] = "saffron", ["saffron"] = "saffron", ["spices-herbs"] = "saffron",
        ["dates-dried-fruit"] = "dates", ["dates"] = "dates", ["nuts-dried-fruit"] = "dates", ["couscous-cereals"] = "couscous",
        ["olive-oil"] = "olive-oil", ["natural-cosmetics"] = "soap", ["soaps"] = "soap", ["clays-powders"] = "soap", ["floral-waters"] = "soap",
        ["carpets-textiles"] = "carpet", ["carpets"] = "carpet", ["textiles"] = "carpet", ["pottery"] = "pottery",
        ["silver-jewellery"] = "silver", ["basketry"] = "basket", ["solidarity-tourism"] = "visit",
    }.ToFrozenDictionary();

    /// <summary>The kinds drawn.</summary>
    public static readonly IReadOnlyList<string> Kinds = KindOfCategory.Values.Distinct().Order().ToList();

    public static string KindOf(string? category) => category is not null && KindOfCategory.TryGetValue(category, out var kind) ? kind : "amlou";

    public static string UrlOf(string? category, Guid id) => $"/api/pictures/{KindOf(category)}-{id.ToByteArray()[15] % Variants + 1}.svg";
}
