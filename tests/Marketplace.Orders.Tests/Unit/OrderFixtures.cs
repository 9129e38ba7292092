using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Domain;

namespace Marketplace.Orders.Tests.Unit;

/// <summary>Givens for the decide functions: products of two cooperatives, and orders placed from them.</summary>
internal static class OrderFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    public static readonly Guid Shopper = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid Staff = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    public static readonly Guid Argan = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");
    public static readonly Guid Saffron = Guid.Parse("0193a000-0000-7000-8000-0000000000b1");
    public static readonly CheckoutProduct ArganOil = Product(Guid.Parse("0193a000-0000-7000-8000-0000000001a1"), Argan, "ARG-250", 120.00m);
    public static readonly CheckoutProduct Amlou = Product(Guid.Parse("0193a000-0000-7000-8000-0000000001a2"), Argan, "AML-500", 85.50m);
    public static readonly CheckoutProduct SaffronPot = Product(Guid.Parse("0193a000-0000-7000-8000-0000000001b1"), Saffron, "SAF-1G", 45.25m);
    public static readonly ShippingAddress Address = new("Fatima Ait Lahcen", "+212 600 000 000", "12 rue des Oliviers", null, "Agadir", "agadir-ida-outanane", "80000");

    public static CheckoutProduct Product(Guid id, Guid coop, string sku, decimal price, bool purchasable = true) =>
        new(id, coop, sku, "terroir", new Dictionary<string, string> { ["fr"] = $"Produit {sku}", ["ar"] = "منتج" }, price, "MAD", "piece", purchasable);

    public static OrderPlaced Placed(PaymentMethod method, IReadOnlyList<ShippingPolicy>? policies = null, params CartLine[] cart)
    {
        var lines = cart.Length > 0 ? cart : [new CartLine(ArganOil.ProductId, 2), new CartLine(SaffronPot.ProductId, 1)];
        return Checkout.Place(Guid.Parse("0193a000-0000-7000-8000-00000000ffff"), "SM-2026-000001", Shopper, method, lines,
            [ArganOil, Amlou, SaffronPot], policies ?? [], Address, "hash", T0, TimeSpan.FromMinutes(30));
    }

    public static Order Given(params IDomainEvent[] events)
    {
        var order = new Order();
        foreach (var e in events) order.Then(e);
        return order;
    }

    /// <summary>A card order whose payment was asked of the gateway (pi_1), then paid when <paramref name="paid"/>.</summary>
    public static Order CardOrder(bool paid)
    {
        var placed = Placed(PaymentMethod.Card);
        var order = Given(placed, new PaymentRequested(placed.OrderId, "stripe", "pi_1", "pi_1_secret", placed.Total, T0));
        return paid ? order.Then(new OrderPaid(placed.OrderId, placed.Number, "stripe", "pi_1", placed.Total, T0.AddMinutes(1))) : order;
    }

    public static Order Then(this Order order, IReadOnlyList<IDomainEvent> events)
    {
        foreach (var e in events) order.Then(e);
        return order;
    }

    public static Money Mad(decimal amount) => Money.Mad(amount);
}
