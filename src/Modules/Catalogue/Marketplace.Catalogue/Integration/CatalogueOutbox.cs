using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Integration;

/// <summary>Tells the other modules what they must hear of stock, after commit, at least once (EventId: the domain event's id).</summary>
internal sealed class CatalogueOutbox(OutboxServices services, ILogger<CatalogueOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "catalogue-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        StockMissingForOrder m => [new OrderStockMissingIntegrationEvent(e.Id, m.OrderId, m.ProductId, m.Requested, m.Available, m.At)],
        _ => [],
    };
}
