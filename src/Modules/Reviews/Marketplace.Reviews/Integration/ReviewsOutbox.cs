using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Reviews.Integration;

/// <summary>Tells the Catalogue, after commit and at least once, that a product's published reviews changed (its rating is searched and sorted on there).</summary>
internal sealed class ReviewsOutbox(OutboxServices services, ILogger<ReviewsOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "reviews-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => ProductOf(e.Data) is { } productId
        ? [new ProductReviewsChangedIntegrationEvent(e.Id, productId)]
        : [];

    private static Guid? ProductOf(object data) => data switch
    {
        ReviewWritten x => x.ProductId,
        ReviewEdited x => x.ProductId,
        ReviewWithdrawn x => x.ProductId,
        ReviewHidden x => x.ProductId,
        ReviewRestored x => x.ProductId,
        _ => null,
    };
}
