using MediatR;

namespace Marketplace.Catalogue.Contracts;

// What the cooperative space (its staff's web pages) asks of the Catalogue beside the commands of Products.cs. Staff
// of the cooperative only (NotFound for an unknown cooperative or a product of another one, Forbidden for a stranger).

/// <summary>The cooperative's own products, drafts included, newest first. <paramref name="Status"/>: draft, published or null for both.</summary>
public sealed record GetStaffProducts(Guid CooperativeId, Guid ActingUserId, string Language, string? Status = null, int Page = 1,
    int PageSize = 50) : IRequest<StaffProductPage>;

public sealed record StaffProductPage(IReadOnlyList<StaffProductItem> Items, long Total, int Page, int PageSize);

/// <param name="Name">in the asked language, or another the product has.</param>
/// <param name="Stock">what can be bought now (on hand minus reserved).</param>
/// <param name="ImageUrl">the first image, or null.</param>
public sealed record StaffProductItem(Guid Id, string Sku, string Name, string Category, decimal Price, string Currency, string Unit,
    string Status, int Stock, string? ImageUrl, DateTimeOffset UpdatedAt);

/// <summary>A product as its staff edit it: every language of its texts, its version, stock and images.</summary>
public sealed record GetProductForEditing(Guid CooperativeId, Guid ProductId, Guid ActingUserId) : IRequest<EditableProduct>;

/// <param name="Version">the listing's version, to send back with UpdateProduct (optimistic concurrency).</param>
/// <param name="OnHand">the stock counted; <paramref name="Reserved"/> of it is held by checkouts in progress.</param>
public sealed record EditableProduct(Guid Id, Guid CooperativeId, string Sku, string Category, IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string> Description, decimal Price, string Currency, string Unit, IReadOnlyList<string> Labels,
    string? FoodSafetyNumber, string Province, string Status, long Version, int OnHand, int Reserved, int Stock,
    IReadOnlyList<EditableImage> Images);

/// <param name="Position">1 for the product's picture.</param>
public sealed record EditableImage(Guid Id, string Url, int Position);

/// <summary>The choices of a listing form: the categories (children after their parent) and the quality labels.</summary>
public sealed record GetListingOptions : IRequest<ListingOptions>;

public sealed record ListingOptions(IReadOnlyList<ListingCategory> Categories, IReadOnlyList<ListingLabel> Labels);

/// <param name="Name">by language.</param>
/// <param name="IsFood">its products may carry a food-safety number.</param>
/// <param name="Parent">the parent category's code, or null.</param>
public sealed record ListingCategory(string Code, IReadOnlyDictionary<string, string> Name, bool IsFood, string? Parent);

public sealed record ListingLabel(string Code, IReadOnlyDictionary<string, string> Name);

/// <summary>
/// Adds an image (JPEG, PNG or WebP, at most 5 MB) after the others. <paramref name="Content"/> null or
/// <paramref name="Length"/> 0: no file (ValidationFailed on "file"). Answers the image's id.
/// </summary>
public sealed record AddProductImage(Guid CooperativeId, Guid ProductId, Guid ActingUserId, byte[]? Content, long Length) : IRequest<Guid>;

public sealed record RemoveProductImage(Guid CooperativeId, Guid ProductId, Guid ImageId, Guid ActingUserId) : IRequest<Unit>;

/// <summary>Every image of the product once, in the new order (the first is the product's picture).</summary>
public sealed record SetProductImageOrder(Guid CooperativeId, Guid ProductId, Guid ActingUserId, IReadOnlyList<Guid> ImageIds) : IRequest<Unit>;
