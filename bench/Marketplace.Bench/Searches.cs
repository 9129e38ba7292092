using System.Globalization;
using System.Text;

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

    /// <summary>Every category code of the shop's tree (parents and children), for the searches that are all different.</summary>
    private static readonly string[] AllCategories =
    [
        "argan", "argan-culinary-oil", "argan-cosmetic-oil", "amlou-spreads", "honey", "saffron-spices", "saffron", "spices-herbs",
        "dates-dried-fruit", "dates", "nuts-dried-fruit", "couscous-cereals", "olive-oil", "natural-cosmetics", "soaps", "clays-powders",
        "floral-waters", "carpets-textiles", "carpets", "textiles", "pottery", "silver-jewellery", "basketry",
    ];

    private static readonly string[] Sorts = ["relevance", "price", "-price", "newest"];

    /// <summary>search-paths.txt: 5,000 searches, one a line, some of them many times (2,805 different): its lines.</summary>
    public static string[] Write(string dir, Random random)
    {
        var paths = Enumerable.Range(0, 5_000).Select(_ => Path(random)).ToArray();
        File.WriteAllLines(System.IO.Path.Combine(dir, "search-paths.txt"), paths);
        return paths;
    }

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

    /// <summary>
    /// search-unique-paths.txt: 60,000 searches that are all different from each other and from those of search-paths.txt
    /// (different for the Host's kept answers: other words, filters, sort or page; the language is not one), each to be
    /// asked once: words and pairs of words of the catalogue in Arabic, French or English, or a product's whole name,
    /// with or without a category, a province, a label or price bounds, a sort and a page.
    /// </summary>
    public static void WriteUnique(string dir, Random random, IEnumerable<string> excluded, int count = 60_000)
    {
        var seen = excluded.Select(Key).ToHashSet(StringComparer.Ordinal);
        var words = new[] { Lang.Ar, Lang.Fr, Lang.En }.Select(WordsOf).ToArray();
        var paths = new List<string>(count);
        for (var attempts = 0; paths.Count < count && attempts < count * 20; attempts++)
        {
            var path = UniquePath(random, words);
            if (seen.Add(Key(path))) paths.Add(path);
        }
        File.WriteAllLines(System.IO.Path.Combine(dir, "search-unique-paths.txt"), paths);
    }

    private enum Lang { Ar, Fr, En }

    private static string Of(Word w, Lang l) => l switch { Lang.Ar => w.Ar, Lang.Fr => w.Fr, _ => w.En };

    private static string Of(Kind k, Lang l) => l switch { Lang.Ar => k.Ar, Lang.Fr => k.Fr, _ => k.En };

    private static readonly HashSet<string> StopWords = ["from", "made", "the", "and", "des", "aux", "avec", "pour", "par", "une"];

    /// <summary>The words of the catalogue's names in one language (three letters or more, no stop words).</summary>
    private static string[] WordsOf(Lang l) =>
        Vocabulary.Kinds.Select(k => Of(k, l)).Concat(Vocabulary.Qualities.Select(w => Of(w, l))).Concat(Vocabulary.Villages.Select(w => Of(w, l)))
            .SelectMany(text => text.Split([' ', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3 && !StopWords.Contains(w.ToLowerInvariant())).Distinct().ToArray();

    private static string UniquePath(Random random, string[][] words)
    {
        var query = new List<string>();
        var lang = (Lang)random.Next(3);
        var list = words[(int)lang];
        var text = random.Next(100) switch
        {
            < 45 => list[random.Next(list.Length)],
            < 75 => $"{list[random.Next(list.Length)]} {list[random.Next(list.Length)]}",
            < 85 => Of(Vocabulary.Kinds[random.Next(Vocabulary.Kinds.Length)], lang),
            _ => null, // browsing: filters only
        };
        if (text is not null) query.Add("q=" + Uri.EscapeDataString(text));
        switch (random.Next(text is null ? 4 : 10))
        {
            case 0: query.Add("category=" + AllCategories[random.Next(AllCategories.Length)]); break;
            case 1: query.Add("province=" + Vocabulary.Provinces[random.Next(Vocabulary.Provinces.Length)]); break;
            case 2: query.Add("label=" + Vocabulary.Labels[random.Next(Vocabulary.Labels.Length)]); break;
            case 3:
                var min = random.Next(0, 80) * 5;
                query.Add(string.Create(CultureInfo.InvariantCulture, $"minPrice={min}&maxPrice={min + 20 + random.Next(100) * 10}"));
                break;
        }
        query.Add("sort=" + (text is null ? Sorts[1 + random.Next(3)] : Sorts[random.Next(Sorts.Length)]));
        var page = random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        if (page > 1) query.Add($"page={page}");
        query.Add("lang=" + lang.ToString().ToLowerInvariant());
        return "/api/products?" + string.Join('&', query);
    }

    /// <summary>What tells two searches apart for the Host's kept answers: the words (folded), the filters, the sort, the page.</summary>
    public static string Key(string path)
    {
        var query = path[(path.IndexOf('?') + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        string Get(string name) => query.GetValueOrDefault(name) ?? "";
        var words = string.Join(' ', Fold(Get("q")).Split([' ', '\''], StringSplitOptions.RemoveEmptyEntries));
        return string.Join('|', words, Get("category"), Get("province"), Get("label"), Get("minPrice"), Get("maxPrice"),
            query.GetValueOrDefault("sort") ?? (words.Length > 0 ? "relevance" : "newest"), query.GetValueOrDefault("page") ?? "1");
    }

    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
            folded.Append(c switch
            {
                'é' or 'è' or 'ê' or 'ë' => 'e', 'à' or 'â' or 'ä' => 'a', 'î' or 'ï' => 'i', 'ô' or 'ö' => 'o', 'ù' or 'û' or 'ü' => 'u', 'ç' => 'c',
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا', 'ى' => 'ي', 'ة' => 'ه', _ => c,
            });
        return folded.ToString();
    }
}
