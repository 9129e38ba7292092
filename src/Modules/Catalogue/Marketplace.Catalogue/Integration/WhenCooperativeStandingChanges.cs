using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Catalogue.Integration;

/// <summary>A suspended cooperative's products leave the shop (search, details, checkout) until it is reinstated.</summary>
internal sealed class WhenCooperativeStandingChanges(ICatalogueStore store, TimeProvider clock)
    : INotificationHandler<CooperativeSuspendedIntegrationEvent>, INotificationHandler<CooperativeReinstatedIntegrationEvent>
{
    public Task Handle(CooperativeSuspendedIntegrationEvent e, CancellationToken ct) => SetAsync(e.EventId, e.CooperativeId, true, e.At, ct);

    public Task Handle(CooperativeReinstatedIntegrationEvent e, CancellationToken ct) => SetAsync(e.EventId, e.CooperativeId, false, e.At, ct);

    private Task SetAsync(Guid eventId, Guid cooperativeId, bool suspended, DateTimeOffset at, CancellationToken ct) =>
        store.ProcessOnceAsync($"catalogue:cooperative-standing:{eventId}", clock, async session =>
        {
            var standing = await session.LoadAsync<CooperativeStanding>(cooperativeId, ct);
            if (standing is not null && standing.ChangedAt > at) return; // a later change is already known
            session.Store(new CooperativeStanding { Id = cooperativeId, Suspended = suspended, ChangedAt = at });
            Search.SearchVersion.Raise(session); // its products leave or come back to the shop's searches
        }, ct);
}
