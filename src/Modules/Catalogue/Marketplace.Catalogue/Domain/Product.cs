using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Search;

namespace Marketplace.Catalogue.Domain;

/// <summary>
/// A product of a cooperative: its listing, images and stock, folded from its event stream (an inline snapshot, so
/// a command reads its own writes). <see cref="ListingVersion"/> counts the listing's edits (optimistic concurrency of PUT);
/// publishing, images and stock movements do not change it. (Not named "Version": Marten would set such a member to the
/// stream's version, which every stock movement bumps.) Decisions are in <see cref="ProductDecisions"/>.
/// </summary>
internal sealed class Product
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public ListingFields Listing { get; set; } = null!;
    /// <summary>The sku in upper case: unique per cooperative (an index).</summary>
    public string SkuKey { get; set; } = "";
    public string Category { get; set; } = "";
    public string Province { get; set; } = "";
    public decimal Price { get; set; }
    public string Status { get; set; } = ProductStatus.Draft;
    public long ListingVersion { get; set; }
    public int OnHand { get; set; }
    /// <summary>The units checkouts hold; what each order holds is on its <see cref="Reservation"/>'s lines (kept out of this
    /// snapshot, which every reservation and sale rewrites: with an order's id per entry it grew by tens of kilobytes on a
    /// popular product).</summary>
    public int Reserved { get; set; }
    public List<ProductImage> Images { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public SearchFields Search { get; set; } = SearchFields.Empty;
    /// <summary>The labels shown and searched: those of verified, unexpired certificates covering it (the listing's own are only declared).</summary>
    public List<CertifiedLabel> CertifiedLabels { get; set; } = [];
    /// <summary>The average of its published reviews (null without any) and their count, kept from the Reviews module.</summary>
    public decimal? RatingAverage { get; set; }
    public int RatingCount { get; set; }

    /// <summary>What can be bought now.</summary>
    public int Available => Math.Max(0, OnHand - Reserved);
    public bool IsPublished => Status == ProductStatus.Published;

    public void Apply(ProductListed e)
    {
        Id = e.ProductId;
        CooperativeId = e.CooperativeId;
        CreatedAt = e.At;
        OnHand = e.OnHand;
        SetListing(e.Listing, e.At);
    }

    public void Apply(ListingEdited e) => SetListing(e.Listing, e.At);

    public void Apply(ProductPublished e)
    {
        Status = ProductStatus.Published;
        PublishedAt = e.At;
        UpdatedAt = e.At;
    }

    public void Apply(ProductUnpublished e)
    {
        Status = ProductStatus.Draft;
        PublishedAt = null;
        UpdatedAt = e.At;
    }

    public void Apply(StockCounted e)
    {
        OnHand = e.OnHand;
        UpdatedAt = e.At;
    }

    public void Apply(StockReserved e) => Reserved += e.Quantity;

    public void Apply(ReservationReleased e) => Reserved -= e.Quantity;

    public void Apply(StockSold e)
    {
        if (e.FromReservation) Reserved -= e.Quantity;
        OnHand -= e.Quantity;
    }

    public void Apply(StockReturned e) => OnHand += e.Quantity;

    public void Apply(CertifiedLabelsSet e) => CertifiedLabels = [.. e.Labels];

    public void Apply(ProductRated e) => (RatingAverage, RatingCount) = (e.Average, e.Count);

    public void Apply(ImageAdded e) => Images.Add(new ProductImage(e.ImageId, e.FileKey, e.ContentType, e.Size, e.At));

    public void Apply(ImageRemoved e) => Images.RemoveAll(i => i.Id == e.ImageId);

    public void Apply(ImagesReordered e) =>
        Images = e.ImageIds.Select(id => Images.Find(i => i.Id == id)).OfType<ProductImage>()
            .Concat(Images.Where(i => !e.ImageIds.Contains(i.Id))).ToList();

    private void SetListing(ListingFields listing, DateTimeOffset at)
    {
        Listing = listing;
        SkuKey = listing.Sku.ToUpperInvariant();
        Category = listing.Category;
        Province = listing.Province;
        Price = listing.Price;
        ListingVersion++;
        UpdatedAt = at;
        Search = SearchFields.Of(listing);
    }
}

internal sealed record ProductImage(Guid Id, string FileKey, string ContentType, long Size, DateTimeOffset AddedAt);
