using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using Marketplace.Reviews.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/cooperatives/{id}: the cooperative's profile, province, sectors, its rating and latest reviews, and its published products.</summary>
public sealed class CooperativeModel(IMediator mediator) : PageModel
{
    public const int PageSize = 24;
    public PublicCooperative Cooperative { get; private set; } = null!;
    public IReadOnlyList<CategoryNode> Categories { get; private set; } = [];
    public CataloguePage Products { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;
    /// <summary>Its latest reviews of itself, and its rating of the last 12 months.</summary>
    public ReviewPage Reviews { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var lang = PageLanguage.Current;
        try
        {
            var viewer = User.Identity?.IsAuthenticated == true ? User.UserId() : (Guid?)null;
            Cooperative = await mediator.Send(new GetPublicCooperative(id, lang, viewer, User.IsAdmin()), ct);
        }
        catch (NotFound) { return NotFound(); }
        Categories = await mediator.Send(new GetCategories(), ct);
        Products = await mediator.Send(new SearchCatalogue(lang, CooperativeId: id, Sort: "newest", Page: Math.Max(1, page ?? 1),
            PageSize: PageSize), ct);
        Reviews = await mediator.Send(new GetCooperativeReviews(id, null, 1, 5), ct);
        Pager = new Pager($"/cooperatives/{id}", new Dictionary<string, string?>(), Products.Page, Products.PageSize, Products.Total);
        return Page();
    }
}
