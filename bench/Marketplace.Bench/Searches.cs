using System.Globalization;

namespace Marketplace.Bench;

/// <summary>Shop searches as shoppers type them: one or two words in Arabic, French or English, often with a filter or a sort.</summary>
internal static class Searches
{
    private static readonly string[] Words =
    [
        // French
        "miel", "argan", "huile", "safran", "amlou", "dattes", "tapis", "savon", "couscous", "thym", "amandes", "poterie", "henné",
        "miel de thym", "huile d'argan", "safran Taliouine", "tajine", "panier", "figues", "cumin", "bio", "traditionnel",
        // English
        "honey", "saffron", "argan oil", "dates", "rug", "soap", "olive oil", "almonds", "thyme honey", "clay tagine", "basket",
        "organic", "handmade", "silver bracelet", "rose water", "spice",
        // Arabic
        "عسل", "زعفران", "أركان", "زيت الأركان", "تمر", "زربية", "صابون", "زيت الزيتون", "أملو", "كسكس", "عسل الزعتر", "الحناء",
        "تالوين", "طاجين", "لوز", "عضوي", "تقليدي",
    ];

    private static readonly string[] Categories =
        ["honey", "argan", "saffron-spices", "dates-dried-fruit", "carpets-textiles", "pottery", "natural-cosmetics", "olive-oil"];

    private static readonly string[] Sorts = ["relevance", "price", "-price", "newest"];

    /// <summary>search-paths.txt: 5,000 searches, one a line.</summary>
    public static void Write(string dir, Random random) =>
        File.WriteAllLines(System.IO.Path.Combine(dir, "search-paths.txt"), Enumerable.Range(0, 5_000).Select(_ => Path(random)));

    public static string Path(Random random)
    {
        var query = new List<string>();
        if (random.Next(10) < 8) query.Add("q=" + Uri.EscapeDataString(Words[random.Next(Words.Length)]));
        switch (random.Next(8))
        {
            case 0: query.Add("category=" + Categories[random.Next(Categories.Length)]); break;
            case 1: query.Add("province=" + Vocabulary.Provinces[random.Next(Vocabulary.Provinces.Length)]); break;
            case 2:
                var min = random.Next(0, 10) * 20;
                query.Add(string.Create(CultureInfo.InvariantCulture, $"minPrice={min}&maxPrice={min + 50 + random.Next(10) * 30}"));
                break;
            case 3: query.Add("label=" + Vocabulary.Labels[random.Next(Vocabulary.Labels.Length)]); break;
        }
        if (random.Next(4) == 0 || query.Count == 0) query.Add("sort=" + Sorts[random.Next(Sorts.Length)]);
        if (random.Next(6) == 0) query.Add("page=2");
        if (random.Next(3) == 0) query.Add("lang=" + (random.Next(3) switch { 0 => "ar", 1 => "fr", _ => "en" }));
        return "/api/products?" + string.Join('&', query);
    }
}
