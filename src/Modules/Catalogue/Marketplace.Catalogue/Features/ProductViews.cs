using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Reviews.Contracts;

namespace Marketplace.Catalogue.Features;

/// <summary>The shapes of products in answers: text in the asked language (with fallback), multilingual text as {ar, fr, en, zgh}.</summary>
internal static class ProductViews
{
    internal sealed record CooperativeRef(Guid Id, string Name);
    internal sealed record ImageView(Guid Id, string Url, string ContentType, long Size, int Position);
    internal sealed record Translations(IReadOnlyDictionary<string, string> Name, IReadOnlyDictionary<string, string> Description);

    /// <param name="Stock">what can be bought now (on hand minus reserved).</param>
    /// <param name="Available">at least one unit can be bought now.</param>
    internal sealed record Details(Guid Id, string Sku, string Category, string CategoryName, string Name, string Description, Money Price,
        string Unit, IReadOnlyList<ShopLabel> Labels, string? FoodSafetyNumber, string Province, IReadOnlyDictionary<string, string> ProvinceName,
        CooperativeRef Cooperative, string Status, int Stock, int OnHand, int Reserved, long Version, bool Available,
        IReadOnlyList<ImageView> Images, Translations Translations, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
        Rating Rating, string PictureUrl);

    /// <param name="Available">at least one unit can be bought now (API.md's boolean).</param>
    /// <param name="Stock">what can be bought now (on hand minus reserved), as in the product's details.</param>
    /// <param name="Rating">its published reviews' average and count.</param>
    /// <param name="ImageUrl">its first photo, else the drawn picture of its kind.</param>
    internal sealed record Item(Guid Id, string Name, Money Price, string Unit, CooperativeRef Cooperative, IReadOnlyList<ShopLabel> Labels,
        bool Available, int Stock, string Category, string Province, string Status, string? ImageUrl, DateTimeOffset? PublishedAt, Rating Rating);

    public static IReadOnlyDictionary<string, string> ToDictionary(this LocalizedText text) =>
        LocalizedText.Languages.Where(l => !string.IsNullOrWhiteSpace(text[l])).ToDictionary(l => l, l => text[l]!);

    public static string Pick(this IReadOnlyDictionary<string, string>? text, string language) => text is null ? "" :
        new[] { language, "fr", "ar", "en", "zgh" }.Select(l => text.GetValueOrDefault(l)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";

    public static CooperativeRef Cooperative(Guid id, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>> cooperatives, string language) =>
        new(id, cooperatives.GetValueOrDefault(id).Pick(language));

    /// <summary>The labels shown: certified ones only, each with its certificate.</summary>
    public static IReadOnlyList<ShopLabel> Labels(Product p) => p.CertifiedLabels.Select(l => new ShopLabel(l.Code, l.CertificateId, l.ValidTo)).ToList();

    public static string ImageUrl(Guid productId, Guid imageId) => $"/api/products/{productId}/images/{imageId}";

    public static IReadOnlyList<ImageView> Images(Product p) =>
        p.Images.Select((i, n) => new ImageView(i.Id, ImageUrl(p.Id, i.Id), i.ContentType, i.Size, n + 1)).ToList();

    public static Details ToDetails(this Product p, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>> cooperatives, string language)
    {
        var l = p.Listing;
        return new Details(p.Id, l.Sku, l.Category, Categories.Find(l.Category)?.Name.Pick(language) ?? l.Category, l.Name.Pick(language),
            l.Description.Pick(language),
            new Money(l.Price, l.Currency), l.Unit, Labels(p), l.FoodSafetyNumber, l.Province,
            Provinces.Find(l.Province)?.Name.ToDictionary() ?? new Dictionary<string, string>(),
            Cooperative(p.CooperativeId, cooperatives, language), p.Status, p.Available, p.OnHand, p.Reserved, p.ListingVersion, p.Available > 0,
            Images(p), new Translations(l.Name.ToDictionary(), l.Description.ToDictionary()), p.CreatedAt, p.UpdatedAt, p.PublishedAt, RatingOf(p),
            Pictures.UrlOf(p.Category, p.Id));
    }

    public static Item ToItem(this Product p, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>> cooperatives, string language) =>
        new(p.Id, p.Listing.Name.Pick(language), new Money(p.Listing.Price, p.Listing.Currency), p.Listing.Unit,
            Cooperative(p.CooperativeId, cooperatives, language), Labels(p), p.Available > 0, p.Available, p.Category, p.Province,
            p.Status, p.Images.Count > 0 ? ImageUrl(p.Id, p.Images[0].Id) : Pictures.UrlOf(p.Category, p.Id), p.PublishedAt, RatingOf(p));

    public static Rating RatingOf(Product p) => new(p.RatingAverage, p.RatingCount);
}
