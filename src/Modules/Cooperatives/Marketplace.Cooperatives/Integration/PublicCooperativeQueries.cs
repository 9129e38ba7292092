using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Features;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

// The shop's pages ask through Marketplace.Cooperatives.Contracts; the answers come from the API's own queries.

internal sealed class GetPublicCooperativeHandler(IMediator mediator) : IRequestHandler<GetPublicCooperative, PublicCooperative>
{
    public async Task<PublicCooperative> Handle(GetPublicCooperative query, CancellationToken ct)
    {
        var c = await mediator.Send(new GetCooperative(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin, query.Language), ct);
        return new PublicCooperative(c.Id, c.Name, c.Description, c.Province, c.ProvinceName, c.Sectors, c.ContactEmail, c.Phone, c.Status,
            c.VerifiedAt, c.Shipping is { } s ? new ShippingPolicy(c.Id, s.FlatFee.Amount, s.FreeAbove?.Amount, s.FlatFee.Currency) : null);
    }
}

internal sealed class ListPublicCooperativesHandler(IMediator mediator) : IRequestHandler<ListPublicCooperatives, PublicCooperativePage>
{
    public async Task<PublicCooperativePage> Handle(ListPublicCooperatives query, CancellationToken ct)
    {
        var page = await mediator.Send(new GetDirectory(false, null, query.Province, null, null,
            PageRequest.From(query.Page, query.PageSize), query.Language, query.Sectors), ct);
        return new PublicCooperativePage(page.Items.Select(c => new PublicCooperativeItem(c.Id, c.Name, c.Description, c.Province,
            c.ProvinceName, c.Sectors)).ToList(), page.Total, page.Page, page.PageSize);
    }
}
