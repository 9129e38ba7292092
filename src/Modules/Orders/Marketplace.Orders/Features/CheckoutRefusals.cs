using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;

namespace Marketplace.Orders.Features;

/// <summary>Why a cart cannot be ordered, naming the products: unknown (400), not on sale (409), not enough stock (409).
/// The products are <see cref="RefusedProduct"/> of the Contracts, so that the web pages can name them too.</summary>
internal static class CheckoutRefusals
{
    public static void ThrowIfUnknown(PlaceOrder cmd, IReadOnlyList<CheckoutProduct> products)
    {
        var known = products.Select(p => p.ProductId).ToHashSet();
        var errors = cmd.Lines!.Select((line, i) => (line, i)).Where(x => x.line!.ProductId is { } id && !known.Contains(id))
            .ToDictionary(x => $"lines[{x.i}].productId", x => new[] { $"There is no product {x.line!.ProductId}." });
        if (errors.Count > 0) throw new ValidationFailed(errors);
    }

    public static void ThrowIfNotPurchasable(IReadOnlyList<CartLine> cart, IReadOnlyList<CheckoutProduct> products)
    {
        var refused = products.Where(p => !p.IsPurchasable).ToList();
        if (refused.Count == 0) return;
        throw Refusal("not_purchasable", "Not on sale now", refused.Select(p =>
            Named(p, cart.First(l => l.ProductId == p.ProductId).Quantity, 0, "not_purchasable")).ToList());
    }

    public static void ThrowShortages(StockReservation reservation, IReadOnlyList<CheckoutProduct> products)
    {
        var byId = products.ToDictionary(p => p.ProductId);
        var unknown = reservation.Shortages.Where(s => s.Reason == "unknown_product" || !byId.ContainsKey(s.ProductId)).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailed("lines", $"There is no product {string.Join(", ", unknown.Select(s => s.ProductId))}.");
        var named = reservation.Shortages.Select(s => Named(byId[s.ProductId], s.Requested, s.Available, s.Reason)).ToList();
        var code = reservation.Shortages.All(s => s.Reason == "not_purchasable") ? "not_purchasable" : "insufficient_stock";
        throw Refusal(code, code == "not_purchasable" ? "Not on sale now" : "Not enough stock", named);
    }

    private static RefusedProduct Named(CheckoutProduct p, int requested, int available, string reason) =>
        new(p.ProductId, p.Sku, LineView.PickName(p.Name, "fr"), requested, available, reason);

    private static DomainRuleViolated Refusal(string code, string why, IReadOnlyList<RefusedProduct> products) =>
        new(code, $"{why}: {string.Join("; ", products.Select(p => $"{p.Name} ({p.Sku}): {p.Requested} asked, {p.Available} available"))}. Nothing was reserved.")
        {
            Details = new Dictionary<string, object?> { ["products"] = products },
        };
}
