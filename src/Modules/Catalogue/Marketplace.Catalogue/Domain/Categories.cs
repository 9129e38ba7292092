using Marketplace.BuildingBlocks;

namespace Marketplace.Catalogue.Domain;

/// <summary>A category of the fixed tree. Food categories are those whose products may carry a food-safety number.</summary>
internal sealed record Category(string Code, LocalizedText Name, bool IsFood, IReadOnlyList<Category> Children)
{
    public Category(string code, LocalizedText name, bool isFood = false) : this(code, name, isFood, []) { }
}

/// <summary>The categories of the region's products (fixed reference data; Tifinagh names where known).</summary>
internal static class Categories
{
    public static readonly IReadOnlyList<Category> Tree =
    [
        new("argan", new("منتجات الأركان", "Produits d'argan", "Argan products", "ⴰⵔⴳⴰⵏ"), true,
        [
            new("argan-culinary-oil", new("زيت الأركان الغذائي", "Huile d'argan alimentaire", "Culinary argan oil"), true),
            new("argan-cosmetic-oil", new("زيت الأركان التجميلي", "Huile d'argan cosmétique", "Cosmetic argan oil")),
        ]),
        new("amlou-spreads", new("أملو والمعاجين", "Amlou et pâtes à tartiner", "Amlou and spreads"), true),
        new("honey", new("العسل", "Miel", "Honey", "ⵜⴰⵎⵎⵏⵜ"), true),
        new("saffron-spices", new("الزعفران والتوابل", "Safran et épices", "Saffron and spices"), true,
        [
            new("saffron", new("الزعفران", "Safran", "Saffron"), true),
            new("spices-herbs", new("التوابل والأعشاب", "Épices et herbes", "Spices and herbs"), true),
        ]),
        new("dates-dried-fruit", new("التمور والفواكه الجافة", "Dattes et fruits secs", "Dates and dried fruit"), true,
        [
            new("dates", new("التمور", "Dattes", "Dates"), true),
            new("nuts-dried-fruit", new("اللوز والفواكه الجافة", "Amandes et fruits secs", "Almonds and dried fruit"), true),
        ]),
        new("couscous-cereals", new("الكسكس والحبوب", "Couscous et céréales", "Couscous and cereals", "ⵙⴽⵙⵓ"), true),
        new("olive-oil", new("زيت الزيتون", "Huile d'olive", "Olive oil"), true),
        new("natural-cosmetics", new("مستحضرات التجميل الطبيعية", "Cosmétiques naturels", "Natural cosmetics"), false,
        [
            new("soaps", new("الصابون التقليدي", "Savons traditionnels", "Traditional soaps")),
            new("clays-powders", new("الغاسول والحناء", "Ghassoul et henné", "Ghassoul and henna")),
            new("floral-waters", new("ماء الورد والزيوت العطرية", "Eaux florales et huiles essentielles", "Floral waters and essential oils")),
        ]),
        new("carpets-textiles", new("الزرابي والنسيج", "Tapis et textiles", "Carpets and textiles"), false,
        [
            new("carpets", new("الزرابي", "Tapis", "Carpets")),
            new("textiles", new("المنسوجات", "Textiles", "Textiles")),
        ]),
        new("pottery", new("الفخار", "Poterie", "Pottery")),
        new("silver-jewellery", new("الحلي الفضية", "Bijoux en argent", "Silver jewellery")),
        new("basketry", new("صناعة السلال", "Vannerie", "Basketry")),
        new("solidarity-tourism", new("السياحة التضامنية", "Tourisme solidaire", "Solidarity tourism")),
    ];

    private static readonly Dictionary<string, (Category Category, Category? Parent)> ByCode =
        Tree.SelectMany(c => c.Children.Select(child => (child, (Category?)c)).Prepend((c, null)))
            .ToDictionary(x => x.Item1.Code, x => (x.Item1, x.Item2));

    public static Category? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var c) ? c.Category : null;
    public static bool IsKnown(string? code) => Find(code) is not null;

    public static string? ParentOf(string code) => ByCode.TryGetValue(code, out var c) ? c.Parent?.Code : null;
    public static IEnumerable<Category> All => ByCode.Values.Select(v => v.Category);

    /// <summary>The category and its descendants: a filter on a parent category shows its children's products too.</summary>
    public static IReadOnlyList<string> WithDescendants(string code) =>
        Find(code) is { } c ? c.Children.Select(x => x.Code).Prepend(c.Code).ToList() : [];

    /// <summary>The category's name and its parent's, in every language: searched beside the product's own text.</summary>
    public static IEnumerable<string> SearchableNames(string code) =>
        ByCode.TryGetValue(code, out var c) ? c.Category.Name.Values.Concat(c.Parent?.Name.Values ?? []) : [];
}

/// <summary>The quality labels a product may carry (codes with meaning).</summary>
internal static class Labels
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> All = new Dictionary<string, LocalizedText>
    {
        ["IGP"] = new("بيان جغرافي محمي", "Indication géographique protégée", "Protected geographical indication"),
        ["AOP"] = new("تسمية المنشأ المحمية", "Appellation d'origine protégée", "Protected designation of origin"),
        ["LABEL_AGRICOLE"] = new("علامة فلاحية", "Label agricole", "Agricultural label"),
        ["ORGANIC"] = new("منتوج عضوي", "Biologique", "Organic"),
        ["FAIR_TRADE"] = new("التجارة العادلة", "Commerce équitable", "Fair trade"),
    };

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);
}
