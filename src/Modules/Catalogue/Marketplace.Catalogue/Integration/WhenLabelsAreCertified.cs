using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Certification.Contracts;
using MediatR;

namespace Marketplace.Catalogue.Integration;

/// <summary>A product's labels are those Certification sends: the whole set, in order, once per event.</summary>
internal sealed class WhenLabelsAreCertified(ICatalogueStore store, TimeProvider clock) : INotificationHandler<ProductLabelsCertifiedIntegrationEvent>
{
    public Task Handle(ProductLabelsCertifiedIntegrationEvent e, CancellationToken ct) =>
        store.ProcessOnceAsync($"catalogue:labels:{e.EventId}", clock, async session =>
        {
            var stream = await session.Events.FetchForWriting<Product>(e.ProductId, ct);
            if (stream.Aggregate is null) return;
            stream.AppendOne(new CertifiedLabelsSet(e.ProductId, e.Labels.Select(l => new Domain.CertifiedLabel(l.Code, l.CertificateId, l.ValidTo)).ToList(), e.At));
        }, ct);
}
