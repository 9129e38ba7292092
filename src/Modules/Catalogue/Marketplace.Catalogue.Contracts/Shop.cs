using MediatR;

namespace Marketplace.Catalogue.Contracts;

// What the shop's pages read (the same queries as GET /api/products, /api/products/{id} and /api/categories).
// Texts are in the asked language ("ar", "fr", "en", "zgh"), falling back to another language the product has.

/// <summary>
/// The shop: published products of cooperatives that are not suspended, filtered, sorted, a page at a time. Filters are
/// as the API receives them (text), so that bad input is answered with field errors (ValidationFailed) named like the
/// API's query parameters ("MinPrice", "Category", ...). <paramref name="Sort"/>: relevance, price, -price, newest, rating.
/// </summary>
public sealed record SearchCatalogue(string Language, string? Q = null, string? Category = null, Guid? CooperativeId = null,
    string? Label = null, string? Province = null, string? MinPrice = null, string? MaxPrice = null, string? Sort = null,
    int Page = 1, int PageSize = 20, string? MinRating = null) : IRequest<CataloguePage>;

/// <param name="TotalExact">false when the total is an estimate (beyond 1,000 matches).</param>
public sealed record CataloguePage(IReadOnlyList<ShopProduct> Items, long Total, int Page, int PageSize, bool TotalExact = true);

/// <summary>A product as listed in the shop or a cart, with the price of now.</summary>
/// <param name="Stock">what can be bought now (on hand minus reserved).</param>
/// <param name="IsPurchasable">published, and its cooperative is not suspended.</param>
/// <param name="ImageUrl">its first image (served by the Catalogue module), else the drawn picture of its kind (<see cref="Pictures"/>).</param>
/// <param name="RatingAverage">the average of its published reviews (1 to 5), null without any; <paramref name="RatingCount"/>: how many.</param>
public sealed record ShopProduct(Guid Id, string Name, decimal Price, string Currency, string Unit, Guid CooperativeId,
    string CooperativeName, IReadOnlyList<ShopLabel> Labels, int Stock, string Category, string Province, string? ImageUrl,
    DateTimeOffset? PublishedAt, bool IsPurchasable, decimal? RatingAverage = null, int RatingCount = 0);

/// <summary>Products by id, whatever their state (a cart shows what is no longer on sale); unknown ids are left out.</summary>
public sealed record GetShopProducts(IReadOnlyList<Guid> ProductIds, string Language) : IRequest<IReadOnlyList<ShopProduct>>;

/// <summary>
/// A product's details. Anyone sees a published product of a cooperative that is not suspended; the cooperative's staff
/// and administrators also see drafts. Otherwise NotFound.
/// </summary>
public sealed record GetProductDetails(Guid ProductId, string Language, Guid? ViewerId = null, bool ViewerIsAdmin = false)
    : IRequest<ProductDetails>;

/// <param name="Labels">its quality labels (IGP, AOP, LABEL_AGRICOLE, ORGANIC, FAIR_TRADE): only those a verified, unexpired certificate stands behind.</param>
/// <param name="FoodSafetyNumber">the food-safety (ONSSA) authorisation number, for food.</param>
/// <param name="ProvinceName">by language.</param>
/// <param name="Stock">what can be bought now (on hand minus reserved).</param>
/// <param name="Status">"draft" or "published".</param>
/// <param name="ImageUrls">its images in order, served by the Catalogue module; <paramref name="PictureUrl"/>: the drawn picture of its kind, for want of them.</param>
/// <param name="RatingAverage">the average of its published reviews (1 to 5), null without any; <paramref name="RatingCount"/>: how many.</param>
public sealed record ProductDetails(Guid Id, string Sku, string Category, string CategoryName, string Name, string Description,
    decimal Price, string Currency, string Unit, IReadOnlyList<ShopLabel> Labels, string? FoodSafetyNumber, string Province,
    IReadOnlyDictionary<string, string> ProvinceName, Guid CooperativeId, string CooperativeName, string Status, int Stock,
    IReadOnlyList<string> ImageUrls, DateTimeOffset? PublishedAt, decimal? RatingAverage = null, int RatingCount = 0, string? PictureUrl = null);

/// <summary>The fixed category tree, names by language.</summary>
public sealed record GetCategories : IRequest<IReadOnlyList<CategoryNode>>;

/// <param name="IsFood">its products may carry a food-safety authorisation number.</param>
public sealed record CategoryNode(string Code, IReadOnlyDictionary<string, string> Name, bool IsFood, IReadOnlyList<CategoryNode> Children);

/// <summary>A label of a product, with the certificate behind it (its public summary: /api/certificates/{id}).</summary>
public sealed record ShopLabel(string Code, Guid CertificateId, DateOnly ValidTo);

/// <summary>The categories an administrator marked as food (their products need a verified ONSSA certificate to be published).</summary>
public sealed record GetFoodCategories : IRequest<IReadOnlySet<string>>;

/// <summary>
/// An administrator marks a category as food or not (NotFound for an unknown code). The answer names the products of the
/// category published before it was marked that no verified ONSSA certificate covers: they stay in the shop (the rule
/// applies to publishing), for the administrator to follow up with their cooperatives.
/// </summary>
public sealed record SetFoodCategory(string Code, bool Food, Guid AdminId, string Language = "fr") : IRequest<FoodCategorySet>;

public sealed record FoodCategorySet(string Code, bool Food, IReadOnlyList<UncertifiedFood> PublishedWithoutCertificate);

/// <param name="Name">in the language asked for (or the one it is written in).</param>
public sealed record UncertifiedFood(Guid ProductId, Guid CooperativeId, string Sku, string Name);
