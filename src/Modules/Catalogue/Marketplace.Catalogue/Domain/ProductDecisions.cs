using Marketplace.BuildingBlocks;

namespace Marketplace.Catalogue.Domain;

/// <summary>The decide functions of a product: state and a command in, events out (or a refusal). No I/O.</summary>
internal static class ProductDecisions
{
    public const int MaxImages = 8;

    public static ProductListed List(Guid productId, Guid cooperativeId, ListingFields listing, int onHand, Guid by, DateTimeOffset now) =>
        new(productId, cooperativeId, listing, onHand, by, now);

    /// <summary>Replaces the listing when <paramref name="expectedVersion"/> is the current one; a stock count goes with it.</summary>
    public static IReadOnlyList<object> Edit(Product product, long expectedVersion, ListingFields listing, int? onHand, Guid by, DateTimeOffset now)
    {
        if (product.ListingVersion != expectedVersion)
            throw new DomainRuleViolated("stale_version",
                $"The product changed since version {expectedVersion} (it is at version {product.ListingVersion}): read it again.")
            { Details = new Dictionary<string, object?> { ["currentVersion"] = product.ListingVersion } };
        var events = new List<object> { new ListingEdited(product.Id, listing, by, now) };
        if (onHand is { } quantity) events.AddRange(Count(product, quantity, by, now));
        return events;
    }

    public static IReadOnlyList<object> Publish(Product product, Guid by, DateTimeOffset now) =>
        product.IsPublished ? [] : [new ProductPublished(product.Id, by, now)];

    public static IReadOnlyList<object> Unpublish(Product product, Guid by, DateTimeOffset now) =>
        product.IsPublished ? [new ProductUnpublished(product.Id, by, now)] : [];

    /// <summary>A new quantity on hand; it cannot fall below what checkouts in progress hold.</summary>
    public static IReadOnlyList<object> Count(Product product, int onHand, Guid by, DateTimeOffset now)
    {
        if (onHand < 0) throw new ValidationFailed("quantity", "The quantity on hand cannot be negative.");
        if (onHand < product.Reserved)
            throw new DomainRuleViolated("stock_below_reserved",
                $"{product.Reserved} units are reserved by checkouts in progress: the stock on hand cannot be less.")
            { Details = new Dictionary<string, object?> { ["reserved"] = product.Reserved } };
        return onHand == product.OnHand ? [] : [new StockCounted(product.Id, onHand, product.OnHand, by, now)];
    }

    /// <summary>What can be bought now, once <paramref name="reservedBefore"/> units are taken by orders reserved earlier in the
    /// same transaction (not yet in the product's state).</summary>
    public static int Available(Product product, int reservedBefore) => Math.Max(0, product.Available - reservedBefore);

    /// <summary>The reason a line cannot be reserved, or null when it can.</summary>
    public static string? CannotReserve(Product? product, int quantity, bool cooperativeSuspended, int reservedBefore = 0) => product switch
    {
        null => StockReasons.UnknownProduct,
        { IsPublished: false } => StockReasons.NotPurchasable,
        _ when cooperativeSuspended => StockReasons.NotPurchasable,
        _ when Available(product, reservedBefore) < quantity => StockReasons.InsufficientStock,
        _ => null,
    };

    public static StockReserved Reserve(Product product, Guid orderId, int quantity, DateTimeOffset now, int reservedBefore = 0) =>
        Available(product, reservedBefore) >= quantity && quantity > 0 ? new StockReserved(product.Id, orderId, quantity, now)
            : throw new InvalidOperationException("Reserve only what CannotReserve accepted."); // a bug, never input

    /// <summary>Gives back the <paramref name="held"/> units that order <paramref name="orderId"/> still holds of this product
    /// (what its reservation's line says, read under the product's lock; nothing when it holds none).</summary>
    public static IReadOnlyList<object> Release(Product product, Guid orderId, int held, string reason, DateTimeOffset now) =>
        Math.Min(held, product.Reserved) is > 0 and var units ? [new ReservationReleased(product.Id, orderId, units, reason, now)] : [];

    /// <summary>
    /// The order was placed: the <paramref name="held"/> units its reservation holds of this product become a sale.
    /// Without a reservation (it expired first), the units are sold from what is available, if there are enough: the
    /// stock on hand never goes below zero. When there are not, the line is not sold at all: what the order held goes
    /// back, and the order is told that its stock is missing.
    /// </summary>
    public static IReadOnlyList<object> Sell(Product product, Guid orderId, int held, int quantity, DateTimeOffset now)
    {
        held = Math.Min(held, product.Reserved);
        if (held >= quantity) return [new StockSold(product.Id, orderId, quantity, true, now)];
        if (held + product.Available >= quantity)
            return held > 0
                ? [new StockSold(product.Id, orderId, held, true, now), new StockSold(product.Id, orderId, quantity - held, false, now)]
                : [new StockSold(product.Id, orderId, quantity, false, now)];
        return [.. Release(product, orderId, held, "out_of_stock", now), new StockMissingForOrder(product.Id, orderId, quantity, held + product.Available, now)];
    }

    public static StockReturned Return(Product product, Guid orderId, int quantity, DateTimeOffset now) => new(product.Id, orderId, quantity, now);

    public static ImageAdded AddImage(Product product, Guid imageId, string fileKey, string contentType, long size, Guid by, DateTimeOffset now) =>
        product.Images.Count >= MaxImages
            ? throw new DomainRuleViolated("too_many_images", $"A product has at most {MaxImages} images: delete one first.")
            : new ImageAdded(product.Id, imageId, fileKey, contentType, size, by, now);

    public static ImageRemoved RemoveImage(Product product, Guid imageId, Guid by, DateTimeOffset now) =>
        product.Images.Any(i => i.Id == imageId) ? new ImageRemoved(product.Id, imageId, by, now) : throw new NotFound("The image");

    public static ImagesReordered ReorderImages(Product product, IReadOnlyList<Guid> imageIds, Guid by, DateTimeOffset now)
    {
        var current = product.Images.Select(i => i.Id).ToHashSet();
        if (imageIds.Count != current.Count || !current.SetEquals(imageIds))
            throw new ValidationFailed("imageIds", "List every image of the product once, in the new order.");
        return new ImagesReordered(product.Id, imageIds, by, now);
    }
}

/// <summary>Why a line cannot be reserved, as <see cref="Contracts.StockShortage.Reason"/> spells it.</summary>
internal static class StockReasons
{
    public const string InsufficientStock = "insufficient_stock";
    public const string NotPurchasable = "not_purchasable";
    public const string UnknownProduct = "unknown_product";
}
