using MediatR;

namespace Marketplace.Catalogue.Contracts;

// The commands behind the product endpoints, public so that other callers (the demo seed) go through the same
// rules as the API. Every command acts for a user, who must be staff of the cooperative (GetCooperativeAccess).
// Fields are nullable so that missing input is answered with field errors rather than a binding failure.

/// <summary>A price: an amount with at most 2 decimals, in MAD (the only currency sold in).</summary>
public sealed record ProductPrice(decimal? Amount, string? Currency = "MAD");

/// <summary>Lists a new product as a draft, for a verified cooperative. Answers the product's id.</summary>
/// <param name="Name">by language ("ar", "fr", "en", "zgh"); at least one of ar/fr/en.</param>
/// <param name="Unit">what one unit is, such as "bottle 250 ml".</param>
/// <param name="Stock">the quantity on hand.</param>
/// <param name="Labels">quality labels: IGP, AOP, LABEL_AGRICOLE, ORGANIC.</param>
/// <param name="FoodSafetyNumber">the food-safety (ONSSA) authorisation number, for food.</param>
/// <param name="Province">a province code; unset: the cooperative's province.</param>
public sealed record CreateProduct(Guid CooperativeId, Guid ActingUserId, string? Sku, string? Category,
    IReadOnlyDictionary<string, string?>? Name, IReadOnlyDictionary<string, string?>? Description, ProductPrice? Price,
    string? Unit, int? Stock, IReadOnlyList<string>? Labels, string? FoodSafetyNumber = null, string? Province = null)
    : IRequest<Guid>;

/// <summary>
/// Replaces the listing's fields. <paramref name="Version"/> is the version read (GET /api/products/{id}): when the
/// listing changed since, nothing is changed and the answer is a conflict. Answers the new version.
/// </summary>
/// <param name="Stock">the new quantity on hand; unset: unchanged.</param>
public sealed record UpdateProduct(Guid CooperativeId, Guid ProductId, Guid ActingUserId, long? Version, string? Sku,
    string? Category, IReadOnlyDictionary<string, string?>? Name, IReadOnlyDictionary<string, string?>? Description,
    ProductPrice? Price, string? Unit, int? Stock, IReadOnlyList<string>? Labels, string? FoodSafetyNumber = null,
    string? Province = null) : IRequest<long>;

/// <summary>Shows the product in the shop (its cooperative must be verified). Publishing a published product changes nothing.</summary>
public sealed record PublishProduct(Guid CooperativeId, Guid ProductId, Guid ActingUserId) : IRequest<ProductState>;

/// <summary>Takes the product out of the shop. Unpublishing a draft changes nothing.</summary>
public sealed record UnpublishProduct(Guid CooperativeId, Guid ProductId, Guid ActingUserId) : IRequest<ProductState>;

/// <summary>Sets the quantity on hand (a stock count). It cannot go below what is reserved for checkouts in progress.</summary>
public sealed record SetProductStock(Guid CooperativeId, Guid ProductId, Guid ActingUserId, int? Quantity) : IRequest<ProductState>;

/// <param name="Status">"draft" or "published".</param>
/// <param name="Stock">what can be bought now: on hand minus reserved.</param>
public sealed record ProductState(Guid Id, string Status, long Version, int OnHand, int Stock);

/// <summary>The product of a cooperative with this sku (case does not matter), or null.</summary>
public sealed record FindProductBySku(Guid CooperativeId, string Sku) : IRequest<ProductState?>;

/// <summary>Product statuses as the API spells them.</summary>
public static class ProductStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
}
