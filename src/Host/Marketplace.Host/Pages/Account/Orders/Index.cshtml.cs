using Marketplace.BuildingBlocks;
using Marketplace.Host.Pages.Shop;
using Marketplace.Host.Web;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account.Orders;

/// <summary>/account/orders (signed in): my orders, newest first, with their status.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 20;
    public ShopperOrderPage Orders { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Orders = await mediator.Send(new ListShopperOrders(User.UserId(), PageLanguage.Current, Math.Max(1, page ?? 1), PageSize), ct);
        Pager = new Pager("/account/orders", new Dictionary<string, string?>(), Orders.Page, Orders.PageSize, Orders.Total);
    }
}
