using Marketplace.Accounts.Contracts;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Contracts;
using MediatR;

namespace Marketplace.Demo;

/// <summary>
/// The demo shopper's first order: two products of the demo cooperative, paid in cash at the door, accepted, shipped and
/// delivered by its owner through Orders' commands. So the demo shopper can review them (and the cooperative) from the
/// order's page, and the demo owner reply. Placed once: the same idempotency key answers the same order; each step is
/// taken only when the sub-order is still before it.
/// </summary>
internal sealed class DemoOrders(IMediator mediator)
{
    public const string IdempotencyKey = "demo-order-delivered-1";

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (await mediator.Send(new FindUserByEmail(DemoAccounts.ShopperEmail), ct) is not { } shopper) return;
        if (await mediator.Send(new FindUserByEmail(DemoAccounts.OwnerEmail), ct) is not { } owner) return;
        if (await mediator.Send(new FindCooperativeByRegistrationNumber(DemoCatalogue.RegistrationNumber(0)), ct) is not { } coop) return;
        var lines = new List<OrderLineRequest>();
        foreach (var listing in DemoCatalogue.ProductsOf(DemoCatalogue.All[0]).Take(2))
            if (await mediator.Send(new FindProductBySku(coop, listing.Sku), ct) is { } product) lines.Add(new OrderLineRequest(product.Id, 1));
        if (lines.Count == 0) return;
        var placed = await mediator.Send(new PlaceShopperOrder(shopper.Id, IdempotencyKey, lines,
            new ShippingAddressInput(DemoAccounts.ShopperName, "+212 661 234 567", "12 rue Al Massira", null, "Agadir", "agadir-ida-outanane", "80000"),
            "cash_on_delivery", "fr"), ct);
        var sub = placed.Order.SubOrders.Single();
        var status = sub.Status;
        if (status == "placed") status = (await mediator.Send(new AcceptSubOrder(coop, sub.Id, owner.Id, "fr"), ct)).Status;
        if (status == "accepted") status = (await mediator.Send(new ShipSubOrder(coop, sub.Id, owner.Id, "Amana", "DEMO0000001MA", "fr"), ct)).Status;
        if (status == "shipped") await mediator.Send(new DeliverSubOrder(coop, sub.Id, owner.Id, sub.Total, "fr"), ct);
    }
}
