using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Images;
using Marten;
using MediatR;

namespace Marketplace.Catalogue.Features;

// The cooperative space's requests (Contracts/StaffProducts.cs), through the module's own use cases and rules.

internal sealed class StaffProductQueriesHandler(ICatalogueStore store, IMediator mediator) :
    IRequestHandler<GetStaffProducts, StaffProductPage>,
    IRequestHandler<GetProductForEditing, EditableProduct>,
    IRequestHandler<GetListingOptions, ListingOptions>
{
    public async Task<StaffProductPage> Handle(GetStaffProducts query, CancellationToken ct)
    {
        var page = PageRequest.From(query.Page, query.PageSize);
        var list = await mediator.Send(new ListCooperativeProducts(query.CooperativeId, query.ActingUserId,
            string.IsNullOrWhiteSpace(query.Status) ? null : query.Status, page, query.Language), ct);
        await using var session = store.QuerySession();
        var products = (await session.LoadManyAsync<Product>(ct, list.Items.Select(i => i.Id))).ToDictionary(p => p.Id);
        return new StaffProductPage(list.Items.Select(i => new StaffProductItem(i.Id, products.GetValueOrDefault(i.Id)?.Listing.Sku ?? "",
                i.Name, i.Category, i.Price.Amount, i.Price.Currency, i.Unit, i.Status, i.Stock, i.ImageUrl,
                products.GetValueOrDefault(i.Id)?.UpdatedAt ?? default)).ToList(),
            list.Total, list.Page, list.PageSize);
    }

    public async Task<EditableProduct> Handle(GetProductForEditing query, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(query.CooperativeId, query.ActingUserId, mustBeVerified: false, ct);
        await using var session = store.QuerySession();
        var p = (await session.LoadAsync<Product>(query.ProductId, ct)).OfCooperative(query.CooperativeId);
        var l = p.Listing;
        return new EditableProduct(p.Id, p.CooperativeId, l.Sku, l.Category, l.Name.ToDictionary(), l.Description.ToDictionary(), l.Price,
            l.Currency, l.Unit, l.Labels, l.FoodSafetyNumber, l.Province, p.Status, p.ListingVersion, p.OnHand, p.Reserved, p.Available,
            ProductViews.Images(p).Select(i => new EditableImage(i.Id, i.Url, i.Position)).ToList());
    }

    public Task<ListingOptions> Handle(GetListingOptions query, CancellationToken ct) => Task.FromResult(new ListingOptions(
        Categories.Tree.SelectMany(c => c.Children.Select(child => (child, (string?)c.Code)).Prepend((c, null)))
            .Select(x => new ListingCategory(x.Item1.Code, x.Item1.Name.ToDictionary(), x.Item1.IsFood, x.Item2)).ToList(),
        Labels.All.Select(l => new ListingLabel(l.Key, l.Value.ToDictionary())).ToList()));
}

internal sealed class StaffProductImagesHandler(IMediator mediator) :
    IRequestHandler<AddProductImage, Guid>,
    IRequestHandler<RemoveProductImage, MediatR.Unit>,
    IRequestHandler<SetProductImageOrder, MediatR.Unit>
{
    public async Task<Guid> Handle(AddProductImage cmd, CancellationToken ct) =>
        (await mediator.Send(new UploadProductImage(cmd.CooperativeId, cmd.ProductId, cmd.ActingUserId, cmd.Content, cmd.Length), ct)).Id;

    public async Task<MediatR.Unit> Handle(RemoveProductImage cmd, CancellationToken ct) =>
        await mediator.Send(new DeleteProductImage(cmd.CooperativeId, cmd.ProductId, cmd.ImageId, cmd.ActingUserId), ct);

    public async Task<MediatR.Unit> Handle(SetProductImageOrder cmd, CancellationToken ct)
    {
        await mediator.Send(new ReorderProductImages(cmd.CooperativeId, cmd.ProductId, cmd.ActingUserId, cmd.ImageIds), ct);
        return MediatR.Unit.Value;
    }
}
