using Marketplace.Orders.Domain;
using Marketplace.Orders.Features;

namespace Marketplace.Orders.Payments;

/// <summary>
/// What the shopper sees on a hosted payment page: each line in their language, and each part's delivery fee. A booking
/// whose total is not its participants times the price (children, a private group's minimum) is one line of its total,
/// so that the page always asks for the order's total.
/// </summary>
internal static class HostedLines
{
    private static readonly Dictionary<string, string> Delivery = new() { ["ar"] = "التوصيل", ["fr"] = "Livraison", ["en"] = "Delivery" };

    public static IReadOnlyList<HostedLine> Of(Order order, string language) =>
        order.SubOrders.Where(s => s.Status != SubOrderStatus.Cancelled).SelectMany(s =>
            s.LiveLines().Select(l => l.UnitPrice * l.Quantity == l.LineTotal
                    ? new HostedLine(LineView.PickName(l.Name, language), l.Quantity, l.UnitPrice)
                    : new HostedLine($"{LineView.PickName(l.Name, language)} ({l.Quantity})", 1, l.LineTotal))
                .Concat(s.Shipping.IsPositive ? [new HostedLine(Delivery.GetValueOrDefault(language, Delivery["fr"]), 1, s.Shipping)] : []))
            .ToList();
}

/// <summary>How a card order is paid (OrderPlaced.CardFlow).</summary>
internal static class CardFlows
{
    public const string Intent = "intent";
    public const string Hosted = "hosted";
}
