using Marketplace.BuildingBlocks;

namespace Marketplace.Catalogue.Domain;

// The events of a product's stream: its listing, its images, and its stock (on hand, reserved, sold, returned).

/// <summary>The fields a cooperative edits, as one value.</summary>
internal sealed record ListingFields(string Sku, string Category, LocalizedText Name, LocalizedText Description, decimal Price,
    string Currency, string Unit, IReadOnlyList<string> Labels, string? FoodSafetyNumber, string Province);

[EventName("catalogue.product_listed")]
internal sealed record ProductListed(Guid ProductId, Guid CooperativeId, ListingFields Listing, int OnHand, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("catalogue.listing_edited")]
internal sealed record ListingEdited(Guid ProductId, ListingFields Listing, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("catalogue.product_published")]
internal sealed record ProductPublished(Guid ProductId, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("catalogue.product_unpublished")]
internal sealed record ProductUnpublished(Guid ProductId, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>The cooperative counted its stock: <paramref name="OnHand"/> is the new quantity on hand.</summary>
[EventName("catalogue.stock_counted")]
internal sealed record StockCounted(Guid ProductId, int OnHand, int Previous, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>Held for a checkout in progress (order <paramref name="OrderId"/>): no longer available to others.</summary>
[EventName("catalogue.stock_reserved")]
internal sealed record StockReserved(Guid ProductId, Guid OrderId, int Quantity, DateTimeOffset At) : IDomainEvent;

/// <summary>A reservation given back (no order came in time, or the order was cancelled before it was placed).</summary>
[EventName("catalogue.reservation_released")]
internal sealed record ReservationReleased(Guid ProductId, Guid OrderId, int Quantity, string Reason, DateTimeOffset At) : IDomainEvent;

/// <summary>The order was placed: the units leave the stock on hand. <paramref name="FromReservation"/>: they were reserved.</summary>
[EventName("catalogue.stock_sold")]
internal sealed record StockSold(Guid ProductId, Guid OrderId, int Quantity, bool FromReservation, DateTimeOffset At) : IDomainEvent;

/// <summary>A placed order's line could not be sold: its reservation had expired and the stock was gone. The order is told.</summary>
[EventName("catalogue.stock_missing_for_order")]
internal sealed record StockMissingForOrder(Guid ProductId, Guid OrderId, int Requested, int Available, DateTimeOffset At) : IDomainEvent;

/// <summary>A sold line was cancelled: its units come back on hand.</summary>
[EventName("catalogue.stock_returned")]
internal sealed record StockReturned(Guid ProductId, Guid OrderId, int Quantity, DateTimeOffset At) : IDomainEvent;

/// <summary>A label the product carries because a verified certificate of its cooperative covers it (Certification decides).</summary>
internal sealed record CertifiedLabel(string Code, Guid CertificateId, DateOnly ValidTo);

/// <summary>The product's labels are now <paramref name="Labels"/> (the whole set, as Certification sent it).</summary>
[EventName("catalogue.certified_labels_set")]
internal sealed record CertifiedLabelsSet(Guid ProductId, IReadOnlyList<CertifiedLabel> Labels, DateTimeOffset At) : IDomainEvent;

[EventName("catalogue.image_added")]
internal sealed record ImageAdded(Guid ProductId, Guid ImageId, string FileKey, string ContentType, long Size, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("catalogue.image_removed")]
internal sealed record ImageRemoved(Guid ProductId, Guid ImageId, Guid By, DateTimeOffset At) : IDomainEvent;

[EventName("catalogue.images_reordered")]
internal sealed record ImagesReordered(Guid ProductId, IReadOnlyList<Guid> ImageIds, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>Its published reviews make this rating now (an average of 1 to 5 stars, null without any; how many), as the Reviews module said.</summary>
[EventName("catalogue.product_rated")]
internal sealed record ProductRated(Guid ProductId, decimal? Average, int Count, DateTimeOffset At) : IDomainEvent;
