using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Host.Pages.Shop;

/// <summary>How much of a product can be bought now, as the shop shows it.</summary>
public enum StockState { InStock, FewLeft, OutOfStock }

public static class Stock
{
    /// <summary>At most this many left: "only a few left".</summary>
    public const int FewLeft = 5;

    public static StockState Of(int stock) => stock <= 0 ? StockState.OutOfStock : stock <= FewLeft ? StockState.FewLeft : StockState.InStock;

    public static string TextKey(StockState state) => state switch
    {
        StockState.InStock => "shop.stock.in",
        StockState.FewLeft => "shop.stock.few",
        _ => "shop.stock.out",
    };
}

/// <param name="Problem">a text key when the line cannot be ordered as it is: not on sale, out of stock, fewer left than asked
/// ("shop.cart.short", with the stock as argument).</param>
public sealed record PricedLine(ShopProduct Product, int Quantity, decimal LineTotal, string? Problem)
{
    public StockState State => Stock.Of(Product.Stock);
}

/// <summary>One cooperative's part of the cart: it becomes one sub-order, with its own delivery fee.</summary>
public sealed record CooperativePart(Guid CooperativeId, string Name, IReadOnlyList<PricedLine> Lines, decimal Subtotal, decimal Delivery,
    ShippingPolicy? Shipping)
{
    public decimal Total => Subtotal + Delivery;
}

/// <summary>
/// The cart with the prices of now (read again from Catalogue at each display), grouped by cooperative, with each
/// cooperative's delivery fee (Cooperatives' shipping policies). Lines that cannot be ordered are shown, not counted.
/// </summary>
public sealed record PricedCart(IReadOnlyList<CooperativePart> Parts, string Currency)
{
    public decimal Items => Parts.Sum(p => p.Subtotal);
    public decimal Delivery => Parts.Sum(p => p.Delivery);
    public decimal Total => Items + Delivery;
    public bool IsEmpty => Parts.Count == 0;
    public bool HasProblems => Parts.Any(p => p.Lines.Any(l => l.Problem is not null));
    public IEnumerable<PricedLine> Lines => Parts.SelectMany(p => p.Lines);

    public static async Task<PricedCart> BuildAsync(IMediator mediator, Cart cart, string language, CancellationToken ct)
    {
        if (cart.IsEmpty) return new PricedCart([], "MAD");
        var products = (await mediator.Send(new GetShopProducts(cart.Lines.Select(l => l.ProductId).ToList(), language), ct))
            .ToDictionary(p => p.Id);
        cart.KeepOnly(products.Keys.ToHashSet());
        var cooperativeIds = cart.Lines.Select(l => products[l.ProductId].CooperativeId).Distinct().ToList();
        var policies = cooperativeIds.Count == 0 ? []
            : (await mediator.Send(new GetShippingPolicies(cooperativeIds), ct)).ToDictionary(p => p.CooperativeId);
        var parts = cart.Lines.GroupBy(l => products[l.ProductId].CooperativeId).Select(group =>
        {
            var lines = group.Select(l => Line(products[l.ProductId], l.Quantity)).ToList();
            var subtotal = lines.Where(l => l.Problem is null).Sum(l => l.LineTotal);
            var policy = policies.GetValueOrDefault(group.Key);
            var delivery = subtotal == 0 || policy is null ? 0m : policy.FeeFor(subtotal);
            return new CooperativePart(group.Key, products[group.First().ProductId].CooperativeName, lines, subtotal, delivery, policy);
        }).ToList();
        return new PricedCart(parts, products.Values.FirstOrDefault()?.Currency ?? "MAD");
    }

    private static PricedLine Line(ShopProduct product, int quantity) => new(product, quantity, product.Price * quantity,
        !product.IsPurchasable ? "shop.cart.notonsale" : product.Stock <= 0 ? "shop.cart.outofstock"
        : quantity > product.Stock ? "shop.cart.short" : null);
}
