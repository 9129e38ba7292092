using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>Which categories are food (law 28-07): their products are published only with a verified ONSSA certificate. None is until marked here.</summary>
public sealed class CategoriesModel(IMediator mediator, Texts texts) : AdminPage
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool Food { get; set; }
    public IReadOnlyList<CategoryNode> Tree { get; private set; } = [];
    public IReadOnlySet<string> FoodCodes { get; private set; } = new HashSet<string>();
    /// <summary>After marking a category: its products published before, that no verified ONSSA certificate covers.</summary>
    public FoodCategorySet? Marked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await mediator.Send(new GetCategories(), ct);
        FoodCodes = await mediator.Send(new GetFoodCategories(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            Marked = await mediator.Send(new SetFoodCategory(Code ?? "", Food, AdminId, Lang), ct);
            if (Marked.PublishedWithoutCertificate.Count > 0) // shown at once, with the products to follow up
            {
                await OnGetAsync(ct);
                return Page();
            }
            Notice = texts[Food ? "admin.categories.marked" : "admin.categories.unmarked"];
        }
        catch (NotFound) { return NotFound(); }
        return Redirect("/admin/categories");
    }
}
