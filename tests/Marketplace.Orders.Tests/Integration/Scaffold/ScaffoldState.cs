using System.Collections.Concurrent;
using Marketplace.Catalogue.Contracts;

namespace Marketplace.Orders.Tests.Integration.Scaffold;

/// <summary>TEMPORARY (see <see cref="ContractsScaffold"/>): products, stock with reservations per order.</summary>
internal sealed class ScaffoldState
{
    public ConcurrentDictionary<Guid, CheckoutProduct> Products { get; } = new();
    public ConcurrentDictionary<Guid, bool> Published { get; } = new();
    private readonly Dictionary<Guid, int> onHand = new();
    private readonly Dictionary<Guid, (StockReservation Outcome, IReadOnlyList<StockLine> Lines, bool Released)> reservations = new();

    public void SetStock(Guid productId, int quantity) { lock (onHand) onHand[productId] = quantity; }

    public int Available(Guid productId)
    {
        lock (onHand)
            return onHand.GetValueOrDefault(productId) - reservations.Values.Where(r => r.Outcome.Succeeded && !r.Released)
                .SelectMany(r => r.Lines).Where(l => l.ProductId == productId).Sum(l => l.Quantity);
    }

    public StockReservation Reserve(ReserveStock cmd, IReadOnlySet<Guid> verifiedCooperatives)
    {
        lock (onHand)
        {
            if (reservations.TryGetValue(cmd.OrderId, out var earlier)) return earlier.Outcome;
            var shortages = cmd.Lines.Select(l => !Products.TryGetValue(l.ProductId, out var p) ? new StockShortage(l.ProductId, l.Quantity, 0, "unknown_product")
                    : !Published.GetValueOrDefault(l.ProductId) || !verifiedCooperatives.Contains(p.CooperativeId)
                        ? new StockShortage(l.ProductId, l.Quantity, 0, "not_purchasable")
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
