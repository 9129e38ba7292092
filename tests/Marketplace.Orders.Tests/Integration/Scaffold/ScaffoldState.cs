using System.Collections.Concurrent;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Orders.Tests.Integration.Scaffold;

/// <summary>TEMPORARY (see <see cref="ContractsScaffold"/>): products, stock with reservations per order, cooperatives.</summary>
internal sealed class ScaffoldState
{
    public sealed record Cooperative(Guid Owner, string Status);

    public ConcurrentDictionary<Guid, CheckoutProduct> Products { get; } = new();
    public ConcurrentDictionary<Guid, bool> Published { get; } = new();
    public ConcurrentDictionary<Guid, ShippingPolicy> Policies { get; } = new();
    public ConcurrentDictionary<Guid, Cooperative> Cooperatives { get; } = new();
    private readonly Dictionary<Guid, int> onHand = new();
    private readonly Dictionary<Guid, (StockReservation Outcome, IReadOnlyList<StockLine> Lines, bool Released)> reservations = new();

    public bool IsPurchasable(Guid productId) => Published.GetValueOrDefault(productId)
        && Cooperatives.TryGetValue(Products[productId].CooperativeId, out var c) && c.Status == CooperativeStatus.Verified;

    public void SetStock(Guid productId, int quantity) { lock (onHand) onHand[productId] = quantity; }

    public int Available(Guid productId)
    {
        lock (onHand)
            return onHand.GetValueOrDefault(productId) - reservations.Values.Where(r => r.Outcome.Succeeded && !r.Released)
                .SelectMany(r => r.Lines).Where(l => l.ProductId == productId).Sum(l => l.Quantity);
    }

    public StockReservation Reserve(ReserveStock cmd)
    {
        lock (onHand)
        {
            if (reservations.TryGetValue(cmd.OrderId, out var earlier)) return earlier.Outcome;
            var shortages = cmd.Lines.Select(l => !Products.ContainsKey(l.ProductId) ? new StockShortage(l.ProductId, l.Quantity, 0, "unknown_product")
                    : !IsPurchasable(l.ProductId) ? new StockShortage(l.ProductId, l.Quantity, 0, "not_purchasable")
                    : Available(l.ProductId) < l.Quantity ? new StockShortage(l.ProductId, l.Quantity, Available(l.ProductId), "insufficient_stock")
                    : null).OfType<StockShortage>().ToList();
            var outcome = new StockReservation(cmd.OrderId, shortages.Count == 0, shortages);
            reservations[cmd.OrderId] = (outcome, cmd.Lines, false);
            return outcome;
        }
    }

    public void Release(Guid orderId)
    {
        lock (onHand)
            if (reservations.TryGetValue(orderId, out var r)) reservations[orderId] = r with { Released = true };
    }
}
