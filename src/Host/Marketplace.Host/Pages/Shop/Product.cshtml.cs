using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using Marketplace.Reviews.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/products/{id}: images, labels explained, unit, price, stock state, the cooperative, "add to cart", and its reviews.</summary>
public sealed class ProductModel(IMediator mediator) : PageModel
{
    public ProductDetails Product { get; private set; } = null!;
    public StockState State => Stock.Of(Product.Stock);
    public int MaxQuantity => Math.Clamp(Product.Stock, 1, Cart.MaxQuantity);
    /// <summary>Its published reviews, a page of them (?reviews=N), and the rating they make.</summary>
    public ReviewPage Reviews { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "reviews")] int? reviewsPage, CancellationToken ct)
    {
        try
        {
            var viewer = User.Identity?.IsAuthenticated == true ? User.UserId() : (Guid?)null;
            Product = await mediator.Send(new GetProductDetails(id, PageLanguage.Current, viewer, User.IsAdmin()), ct);
            Reviews = await mediator.Send(new GetProductReviews(id, reviewsPage, PageSize: 10), ct);
            return Page();
        }
        catch (NotFound) { return NotFound(); }
    }
}
