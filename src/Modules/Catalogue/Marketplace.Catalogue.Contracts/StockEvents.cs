using MediatR;

namespace Marketplace.Catalogue.Contracts;

/// <summary>
/// A placed order's product could not be taken from stock (its reservation had expired and others bought the units):
/// nothing of that line was sold. Published by the Catalogue's outbox, at least once; keyed by EventId.
/// </summary>
public sealed record OrderStockMissingIntegrationEvent(Guid EventId, Guid OrderId, Guid ProductId, int Requested, int Available,
    DateTimeOffset At) : INotification;
