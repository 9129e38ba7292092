using Marketplace.Catalogue.Domain;
using Marketplace.Reviews.Contracts;
using MediatR;

namespace Marketplace.Catalogue.Integration;

/// <summary>
/// A product's reviews changed: its rating becomes what the Reviews module counts now (so a late, repeated or reordered
/// notice never leaves an older figure), recorded once when it moved; searched, sorted and shown from the product.
/// </summary>
internal sealed class WhenProductReviewsChange(ICatalogueStore store, IMediator mediator, TimeProvider clock)
    : INotificationHandler<ProductReviewsChangedIntegrationEvent>
{
    public async Task Handle(ProductReviewsChangedIntegrationEvent e, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Product>(e.ProductId, ct); // in line with checkouts' locks
        if (stream.Aggregate is not { } product) return;
        var rating = (await mediator.Send(new GetProductRatings([e.ProductId]), ct))[e.ProductId]; // read under the lock: the newest wins
        if (product.RatingAverage == rating.Average && product.RatingCount == rating.Count) return;
        stream.AppendOne(new ProductRated(e.ProductId, rating.Average, rating.Count, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
