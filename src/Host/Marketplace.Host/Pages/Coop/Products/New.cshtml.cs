using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Products;

/// <summary>A new product, saved as a draft (Catalogue's CreateProduct); its page opens next, to add images and publish it.</summary>
public sealed class NewModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    [BindProperty] public ListingInput Input { get; set; } = new();
    public ListingOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await Mediator.Send(new GetListingOptions(), ct);
        var summary = (await Mediator.Send(new GetCooperativeSummaries([Id]), ct)).FirstOrDefault();
        Input = new ListingInput { Province = summary?.Province, Stock = "0" };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await Mediator.Send(new GetListingOptions(), ct);
        ModelState.Clear(); // the module checks the fields, in the page's words below
        try
        {
            // what is not a number is sent as missing: the module refuses it, and the page says what it expects
            var (price, stock) = (Input.PriceOf(), CoopForms.ParseWhole(Input.Stock));
            var id = await Mediator.Send(new CreateProduct(Id, UserId, Input.Sku, Input.Category, Input.Names(), Input.Descriptions(),
                price, Input.Unit, stock, Input.Labels, Input.FoodSafetyNumber, Input.Province), ct);
            Done = T["coop.product.created"];
            return Redirect($"/coop/{Id}/products/{id}");
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, "Input."); }
        catch (DomainRuleViolated taken) when (taken.Code == "sku_taken") { ModelState.AddModelError("Input.Sku", T["coop.error.sku.taken"]); }
        catch (Forbidden) when (!Coop.IsVerified) { Problem = T["coop.products.notverified"]; }
        return Page();
    }
}
