using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Products;

/// <summary>The cooperative's products, drafts included, with their stock and a publish / unpublish button each.</summary>
public sealed class IndexModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public StaffProductPage Products { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is not ("draft" or "published")) Status = null;
        Products = await Mediator.Send(new GetStaffProducts(Id, UserId, Lang, Status, Math.Max(1, PageNumber), 30), ct);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid productId, CancellationToken ct) =>
        Change(() => Mediator.Send(new PublishProduct(Id, productId, UserId), ct), "coop.product.published", ct);

    public Task<IActionResult> OnPostUnpublishAsync(Guid productId, CancellationToken ct) =>
        Change(() => Mediator.Send(new UnpublishProduct(Id, productId, UserId), ct), "coop.product.unpublished", ct);

    private async Task<IActionResult> Change(Func<Task<ProductState>> change, string done, CancellationToken ct)
    {
        try
        {
            await change();
            return Confirm(T[done], new { status = Status });
        }
        catch (Forbidden) when (!Coop.IsVerified) { Problem = T["coop.products.notverified"]; }
        await OnGetAsync(ct);
        return Page();
    }
}
