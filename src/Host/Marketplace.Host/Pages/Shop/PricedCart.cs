using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Tourism.Contracts;
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

/// <param name="Problem">a text key when the booking cannot be made as it is: closed ("shop.cart.booking.closed"), fewer places
/// left than participants ("shop.cart.booking.short", with the places left as argument).</param>
public sealed record PricedBooking(SlotOffer Slot, int Participants, decimal LineTotal, string? Problem, int Children = 0, bool Private = false);

/// <summary>One cooperative's part of the cart: it becomes one sub-order, with its own delivery fee (for its products only).</summary>
public sealed record CooperativePart(Guid CooperativeId, string Name, IReadOnlyList<PricedLine> Lines, decimal Subtotal, decimal Delivery,
    ShippingPolicy? Shipping, IReadOnlyList<PricedBooking>? Bookings = null)
{
    public IReadOnlyList<PricedBooking> Booked => Bookings ?? [];
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
    public bool HasProblems => Parts.Any(p => p.Lines.Any(l => l.Problem is not null) || p.Booked.Any(b => b.Problem is not null));
    public IEnumerable<PricedLine> Lines => Parts.SelectMany(p => p.Lines);

    public static async Task<PricedCart> BuildAsync(IMediator mediator, Cart cart, string language, CancellationToken ct)
    {
        if (cart.IsEmpty) return new PricedCart([], "MAD");
        var productIds = cart.Lines.Where(l => !l.Booking).Select(l => l.ProductId).ToList();
        var slotIds = cart.Lines.Where(l => l.Booking).Select(l => l.ProductId).ToList();
        var products = productIds.Count == 0 ? [] : (await mediator.Send(new GetShopProducts(productIds, language), ct)).ToDictionary(p => p.Id);
        var slots = slotIds.Count == 0 ? [] : (await mediator.Send(new GetSlotOffers(slotIds, language), ct)).ToDictionary(s => s.SlotId);
        cart.KeepOnly(products.Keys.Concat(slots.Keys).ToHashSet());
        Guid CooperativeOf(CartLine l) => l.Booking ? slots[l.ProductId].CooperativeId : products[l.ProductId].CooperativeId;
        var cooperativeIds = cart.Lines.Select(CooperativeOf).Distinct().ToList();
        var policies = cooperativeIds.Count == 0 ? []
            : (await mediator.Send(new GetShippingPolicies(cooperativeIds), ct)).ToDictionary(p => p.CooperativeId);
        var names = cooperativeIds.Count == 0 ? []
            : (await mediator.Send(new GetCooperativeSummaries(cooperativeIds), ct)).ToDictionary(c => c.Id, c => Web.Format.Text(c.Name));
        var parts = cart.Lines.GroupBy(CooperativeOf).Select(group =>
        {
            var lines = group.Where(l => !l.Booking).Select(l => Line(products[l.ProductId], l.Quantity)).ToList();
            var bookings = group.Where(l => l.Booking).Select(l => Booking(slots[l.ProductId], l)).ToList();
            var goods = lines.Where(l => l.Problem is null).Sum(l => l.LineTotal);
            var policy = policies.GetValueOrDefault(group.Key);
            var delivery = goods == 0 || policy is null ? 0m : policy.FeeFor(goods); // visits are not delivered
            return new CooperativePart(group.Key, names.GetValueOrDefault(group.Key) ?? "", lines,
                goods + bookings.Where(b => b.Problem is null).Sum(b => b.LineTotal), delivery, policy, bookings);
        }).ToList();
        return new PricedCart(parts, "MAD");
    }

    private static PricedBooking Booking(SlotOffer slot, CartLine l) => new(slot, l.Quantity,
        BookingPrice.Of(slot.PricePerPerson, slot.ChildPrice, slot.PrivateGroupMinimum, l.Quantity, l.Children, l.Private),
        !slot.Bookable ? (slot.SeatsLeft == 0 ? "shop.cart.booking.full" : "shop.cart.booking.closed")
        : l.Quantity > slot.SeatsLeft || (l.Private && slot.SeatsLeft < slot.Capacity) ? "shop.cart.booking.short" : null, l.Children, l.Private);

    private static PricedLine Line(ShopProduct product, int quantity) => new(product, quantity, product.Price * quantity,
        !product.IsPurchasable ? "shop.cart.notonsale" : product.Stock <= 0 ? "shop.cart.outofstock"
        : quantity > product.Stock ? "shop.cart.short" : null);
}
