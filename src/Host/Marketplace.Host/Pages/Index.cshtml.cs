using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages;

/// <summary>The storefront's home: the category tree, the newest products, a few per category, and featured cooperatives.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<CategoryNode> Categories { get; private set; } = [];
    public IReadOnlyList<ShopProduct> Newest { get; private set; } = [];
    public IReadOnlyList<(CategoryNode Category, IReadOnlyList<ShopProduct> Products)> ByCategory { get; private set; } = [];
    public IReadOnlyList<PublicCooperativeItem> Cooperatives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var lang = PageLanguage.Current;
        Categories = await mediator.Send(new GetCategories(), ct);
        Newest = (await mediator.Send(new SearchCatalogue(lang, Sort: "newest", PageSize: 8), ct)).Items;
        var byCategory = new List<(CategoryNode, IReadOnlyList<ShopProduct>)>();
        if (Newest.Count > 0)
            foreach (var category in Categories)
            {
                var products = (await mediator.Send(new SearchCatalogue(lang, Category: category.Code, Sort: "newest", PageSize: 4), ct)).Items;
                if (products.Count > 0) byCategory.Add((category, products));
            }
        ByCategory = byCategory;
        Cooperatives = (await mediator.Send(new ListPublicCooperatives(lang, PageSize: 6), ct)).Items;
    }
}
