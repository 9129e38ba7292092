using Marketplace.BuildingBlocks;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// The searchable text of a product, kept in its document: folded words (for the french and english configurations)
/// and the same words with Arabic stems (for the simple configuration), for the name (weight A) and the rest (B).
/// The search table (<see cref="ProductSearchRows"/>) stores their tsvector.
/// </summary>
internal sealed record SearchFields(string Name, string NameStems, string Body, string BodyStems)
{
    public static readonly SearchFields Empty = new("", "", "", "");

    public static SearchFields For(LocalizedText name, LocalizedText description, IEnumerable<string> extra)
    {
        var nameWords = name.Values.SelectMany(v => TextFolding.Words(TextFolding.Fold(v))).ToList();
        var bodyWords = description.Values.Concat(extra).SelectMany(v => TextFolding.Words(TextFolding.Fold(v))).ToList();
        return new SearchFields(string.Join(' ', nameWords), string.Join(' ', nameWords.Select(TextFolding.StemArabic)),
            string.Join(' ', bodyWords), string.Join(' ', bodyWords.Select(TextFolding.StemArabic)));
    }

    /// <summary>
    /// The searchable text of a listing: its names, descriptions, category names (with the parent's) and sku. Not its
    /// declared labels: a label is found through the label filter, and only when a certificate stands behind it.
    /// </summary>
    public static SearchFields Of(Domain.ListingFields listing) => For(listing.Name, listing.Description,
        Domain.Categories.SearchableNames(listing.Category).Append(listing.Sku));

    /// <summary>The weighted tsvector, in SQL over a product document's JSON (as <see cref="ProductSearchRows"/> stores it).</summary>
    public static string VectorSql(string data = "data") => ProductSearchRows.VectorSql($"{data}->'search'->>'nameStems'",
        $"{data}->'search'->>'name'", $"{data}->'search'->>'bodyStems'", $"{data}->'search'->>'body'");
}

/// <summary>
/// A shopper's query as a tsquery: every word must match (AND), each in any configuration (OR): its Arabic stem in
/// simple, or its French or English stem. Common short words are left out. Words are letters and digits only, so
/// they are safe in any tsquery; they are still passed as parameters.
/// </summary>
internal sealed record SearchQuery(IReadOnlyList<(string Stem, string Word)> Terms)
{
    private static readonly HashSet<string> StopWords =
    [
        "le", "la", "les", "de", "du", "des", "un", "une", "et", "ou", "au", "aux", "en", "pour", "avec", "sur", "par", "qu",
        "the", "of", "and", "or", "an", "with", "for", "in", "on", "to", "by", "from",
        "في", "من", "على", "مع", "الي", "عن",
    ];

    public static SearchQuery Parse(string? q) => new(string.IsNullOrWhiteSpace(q) ? []
        : TextFolding.Words(TextFolding.Fold(q)).Where(w => !StopWords.Contains(w)).Distinct().Take(10)
            .Select(w => (TextFolding.StemArabic(w), w)).ToList());

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>SQL of the tsquery, with parameters named <paramref name="prefix"/>s0, w0, s1, w1...</summary>
    public (string Sql, IReadOnlyDictionary<string, object> Parameters) ToSql(string prefix = "q")
    {
        var parameters = new Dictionary<string, object>();
        for (var i = 0; i < Terms.Count; i++)
        {
            parameters[$"{prefix}s{i}"] = Terms[i].Stem;
            parameters[$"{prefix}w{i}"] = Terms[i].Word;
        }
        return (Sql(i => $"(plainto_tsquery('simple'::regconfig, @{prefix}s{i}) || plainto_tsquery('french'::regconfig, @{prefix}w{i}) || " +
            $"plainto_tsquery('english'::regconfig, @{prefix}w{i}))"), parameters);
    }

    /// <summary>
    /// SQL of the same tsquery restricted to names (weight A), over the same parameters as <see cref="ToSql"/>: every word
    /// in the product's names. Words are letters and digits only, so ":A" appended makes a valid to_tsquery text.
    /// </summary>
    public string NamesSql(string prefix = "q") => Sql(i =>
        $"(to_tsquery('simple'::regconfig, @{prefix}s{i} || ':A') || to_tsquery('french'::regconfig, @{prefix}w{i} || ':A') || " +
        $"to_tsquery('english'::regconfig, @{prefix}w{i} || ':A'))");

    private string Sql(Func<int, string> term) =>
        "(" + string.Join(" && ", Enumerable.Range(0, Terms.Count).Select(term)) + ")";
}
