using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using Marketplace.Tourism.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>
/// /cart: the cart across cooperatives, kept in a protected cookie (signed-out visitors too). Lines grouped by
/// cooperative with subtotals and delivery fees, prices read again from Catalogue; quantities updated, lines removed.
/// </summary>
public sealed class CartModel(IMediator mediator, CartCookie cookie, Texts texts) : PageModel
{
    public PricedCart Cart { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var cart = cookie.Read(HttpContext);
        var lines = cart.Lines.Count;
        Cart = await PricedCart.BuildAsync(mediator, cart, PageLanguage.Current, ct);
        if (cart.Lines.Count != lines) cookie.Write(HttpContext, cart); // products that no longer exist leave the cart
    }

    public async Task<IActionResult> OnPostAddAsync(Guid productId, int? quantity, CancellationToken ct)
    {
        var product = (await mediator.Send(new GetShopProducts([productId], PageLanguage.Current), ct)).FirstOrDefault();
        if (product is null) return NotFound();
        if (quantity is not (>= 1 and <= Shop.Cart.MaxQuantity)) Problem = texts["shop.cart.quantity.invalid", Shop.Cart.MaxQuantity];
        else if (!product.IsPurchasable || product.Stock <= 0) Problem = texts["shop.cart.add.unavailable", product.Name];
        else
        {
            var cart = cookie.Read(HttpContext);
            if (!cart.Add(productId, quantity.Value)) Problem = texts["shop.cart.full", Shop.Cart.MaxLines];
            else
            {
                cookie.Write(HttpContext, cart);
                Message = texts["shop.cart.added", quantity.Value, product.Name];
            }
        }
        return RedirectToPage();
    }

    /// <summary>A booking from an experience's page: a slot still open and how many take part.</summary>
    public async Task<IActionResult> OnPostBookAsync(Guid slotId, int? participants, int? children, bool privateGroup, CancellationToken ct)
    {
        var slot = (await mediator.Send(new GetSlotOffers([slotId], PageLanguage.Current), ct)).FirstOrDefault();
        if (slot is null) return NotFound();
        if (participants is not (>= 1 and <= Shop.Cart.MaxParticipants)) Problem = texts["shop.cart.participants.invalid", Shop.Cart.MaxParticipants];
        else if (children is < 0 || children > participants) Problem = texts["shop.cart.children.invalid"];
        else if (!slot.Bookable || participants > slot.SeatsLeft || (privateGroup && slot.SeatsLeft < slot.Capacity))
            Problem = texts["shop.cart.booking.unavailable", slot.Title, slot.SeatsLeft];
        else
        {
            var cart = cookie.Read(HttpContext);
            if (!cart.Book(slotId, participants.Value, children ?? 0, privateGroup && slot.PrivateGroupMinimum is not null)) Problem = texts["shop.cart.full", Shop.Cart.MaxLines];
            else
            {
                cookie.Write(HttpContext, cart);
                Message = texts["shop.cart.booked", participants.Value, slot.Title];
            }
        }
        return RedirectToPage();
    }

    /// <summary>New quantities of every line (0 removes a line).</summary>
    public IActionResult OnPostUpdate(Dictionary<Guid, string?> quantities)
    {
        var cart = cookie.Read(HttpContext);
        var invalid = false;
        foreach (var (productId, text) in quantities)
        {
            if (int.TryParse(text, out var quantity) && quantity is >= 0 and <= Shop.Cart.MaxQuantity) cart.Set(productId, quantity);
            else invalid = true;
        }
        cookie.Write(HttpContext, cart);
        if (invalid) Problem = texts["shop.cart.quantity.invalid", Shop.Cart.MaxQuantity];
        else Message = texts["shop.cart.updated"];
        return RedirectToPage();
    }

    public IActionResult OnPostRemove(Guid productId)
    {
        var cart = cookie.Read(HttpContext);
        cart.Remove(productId);
        cookie.Write(HttpContext, cart);
        Message = texts["shop.cart.removed"];
        return RedirectToPage();
    }
}
