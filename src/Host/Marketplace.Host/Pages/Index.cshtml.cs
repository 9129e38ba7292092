using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages;

/// <summary>
/// The storefront's home, short on a phone (about three screens): the categories as a grid of pictures, the newest
/// products, and a few cooperatives with a link to their directory.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<CategoryNode> Categories { get; private set; } = [];
    public IReadOnlyList<ShopProduct> Newest { get; private set; } = [];
    public IReadOnlyList<PublicCooperativeItem> Cooperatives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var lang = PageLanguage.Current;
        Categories = await mediator.Send(new GetCategories(), ct);
        Newest = (await mediator.Send(new SearchCatalogue(lang, Sort: "newest", PageSize: 4), ct)).Items;
        Cooperatives = (await mediator.Send(new ListPublicCooperatives(lang, PageSize: 3), ct)).Items;
    }
}
