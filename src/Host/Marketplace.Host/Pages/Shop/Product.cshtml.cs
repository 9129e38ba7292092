using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/products/{id}: images, labels explained, unit, price, stock state, the cooperative, and "add to cart".</summary>
public sealed class ProductModel(IMediator mediator) : PageModel
{
    public ProductDetails Product { get; private set; } = null!;
    public StockState State => Stock.Of(Product.Stock);
    public int MaxQuantity => Math.Clamp(Product.Stock, 1, Cart.MaxQuantity);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var viewer = User.Identity?.IsAuthenticated == true ? User.UserId() : (Guid?)null;
            Product = await mediator.Send(new GetProductDetails(id, PageLanguage.Current, viewer, User.IsAdmin()), ct);
            return Page();
        }
        catch (NotFound) { return NotFound(); }
    }
}
