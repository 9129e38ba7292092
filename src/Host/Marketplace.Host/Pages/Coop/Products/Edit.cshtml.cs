using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Products;

/// <summary>
/// A product's page in the cooperative space: its listing (with the version read: an edit made on a stale version is
/// refused with a message and what was typed stays), its stock, its images (upload, order, delete), publish / unpublish.
/// </summary>
public sealed class EditModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{

    [BindProperty(SupportsGet = true)] public Guid ProductId { get; set; }
    [BindProperty] public ListingInput Input { get; set; } = new();
    public EditableProduct Product { get; private set; } = null!;
    public ListingOptions Options { get; private set; } = null!;
    public bool Stale { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = ListingInput.Of(Product);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await Mediator.Send(new UpdateProduct(Id, ProductId, UserId, Input.Version, Input.Sku, Input.Category, Input.Names(),
                Input.Descriptions(), Input.PriceOf(), Input.Unit, null, Input.Labels, Input.FoodSafetyNumber, Input.Province), ct);
            return Confirm(T["coop.product.saved"]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, "Input."); }
        catch (DomainRuleViolated stale) when (stale.Code == "stale_version") { (Stale, Problem) = (true, T["coop.product.stale"]); }
        catch (DomainRuleViolated taken) when (taken.Code == "sku_taken") { ModelState.AddModelError("Input.Sku", T["coop.error.sku.taken"]); }
        await LoadAsync(ct); // what was typed stays in Input
        return Page();
    }

    public Task<IActionResult> OnPostStockAsync(string? quantity, CancellationToken ct) =>
        Act(() => Mediator.Send(new SetProductStock(Id, ProductId, UserId, CoopForms.ParseWhole(quantity)), ct), "coop.product.stocksaved", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        Act(() => Mediator.Send(new PublishProduct(Id, ProductId, UserId), ct), "coop.product.published", ct);

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct) =>
        Act(() => Mediator.Send(new UnpublishProduct(Id, ProductId, UserId), ct), "coop.product.unpublished", ct);

    public Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct) => Act(async () =>
    {
        var content = await file.ReadAsync(ImageFormats.MaxBytes, ct);
        await Mediator.Send(new AddProductImage(Id, ProductId, UserId, content, file?.Length ?? 0), ct);
    }, "coop.image.added", ct);

    public Task<IActionResult> OnPostDeleteImageAsync(Guid imageId, CancellationToken ct) =>
        Act(() => Mediator.Send(new RemoveProductImage(Id, ProductId, imageId, UserId), ct), "coop.image.deleted", ct);

    /// <summary>Moves an image one place earlier (to the first place: it becomes the product's picture).</summary>
    public Task<IActionResult> OnPostMoveImageAsync(Guid imageId, CancellationToken ct) => Act(async () =>
    {
        var ids = (await Mediator.Send(new GetProductForEditing(Id, ProductId, UserId), ct)).Images.Select(i => i.Id).ToList();
        var at = ids.IndexOf(imageId);
        if (at <= 0) return;
        (ids[at - 1], ids[at]) = (ids[at], ids[at - 1]);
        await Mediator.Send(new SetProductImageOrder(Id, ProductId, UserId, ids), ct);
    }, "coop.image.moved", ct);

    /// <summary>One change of the stock, images or status: back to the page with a confirmation, or the page with the refusal.</summary>
    private async Task<IActionResult> Act(Func<Task> change, string done, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await change();
            return Confirm(T[done]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T); }
        catch (DomainRuleViolated below) when (below.Code == "stock_below_reserved")
        {
            ModelState.AddModelError("Quantity", T["coop.error.quantity.reserved", below.Details.GetValueOrDefault("reserved") ?? 0]);
        }
        catch (DomainRuleViolated refused) { Problem = refused.Code == "too_many_images" ? T["coop.image.toomany"] : refused.Message; }
        catch (Forbidden) when (!Coop.IsVerified) { Problem = T["coop.products.notverified"]; }
        catch (Unprocessable) { Problem = T["coop.products.needsonssa"]; } // a food product without a verified ONSSA certificate
        await OnGetAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Product = await Mediator.Send(new GetProductForEditing(Id, ProductId, UserId), ct);
        Options = await Mediator.Send(new GetListingOptions(), ct);
    }
}
