using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.CommissionRules;
using Marketplace.Payouts.Domain.Ledger;

namespace Marketplace.Payouts.Domain.Sales;

/// <summary>A line as sold, with the rate in force when its order was placed and its commission (rounded per line).</summary>
internal sealed record SaleLine(string Sku, string Category, int Quantity, Money LineTotal, decimal Rate, Money Commission);

/// <summary>A cooperative's sub-order as sold: items, delivery fee (never commissioned), commission, net.</summary>
internal sealed record SubOrderSale(Guid SubOrderId, Guid CooperativeId, IReadOnlyList<SaleLine> Lines, Money Subtotal, Money Shipping,
    Money Commission)
{
    public Money Gross => Subtotal + Shipping;
    public Money Net => Gross - Commission;
}

/// <summary>An order was placed: its lines and commission rates are frozen here (stream id = order id).</summary>
[EventName("payouts.sale_recorded")]
internal sealed record SaleRecorded(Guid OrderId, string Number, string PaymentMethod, DateTimeOffset PlacedAt,
    IReadOnlyList<SubOrderSale> SubOrders) : IDomainEvent;

/// <summary>
/// A booking of a cash sub-order was cancelled before the visit: its line leaves the sale, so the commission owed when the
/// sub-order is delivered is on what the cooperative collects (card sales follow their refunds instead).
/// </summary>
[EventName("payouts.sale_line_cancelled")]
internal sealed record SaleLineCancelled(Guid OrderId, Guid SubOrderId, string Sku, DateTimeOffset At) : IDomainEvent;

internal static class PaymentMethods
{
    public const string Card = "card";
    public const string CashOnDelivery = "cash_on_delivery";
}

/// <summary>An order as the Payouts module keeps it: what each cooperative sold and what it owes in commission.</summary>
internal sealed class Sale
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Number { get; set; } = "";
    public string PaymentMethod { get; set; } = "";
    public DateTimeOffset PlacedAt { get; set; }
    public List<SubOrderSale> SubOrders { get; set; } = [];

    public bool IsCard => PaymentMethod == PaymentMethods.Card;

    public void Apply(SaleRecorded e)
    {
        Id = e.OrderId;
        Number = e.Number;
        PaymentMethod = e.PaymentMethod;
        PlacedAt = e.PlacedAt;
        SubOrders = e.SubOrders.ToList();
    }

    public void Apply(SaleLineCancelled e)
    {
        var i = SubOrders.FindIndex(s => s.SubOrderId == e.SubOrderId);
        if (i < 0 || SubOrders[i].Lines.FirstOrDefault(l => l.Sku == e.Sku) is not { } line) return;
        var s = SubOrders[i];
        SubOrders[i] = s with { Lines = s.Lines.Where(l => l != line).ToList(), Subtotal = s.Subtotal - line.LineTotal, Commission = s.Commission - line.Commission };
    }

    public SubOrderAmounts Amounts(SubOrderSale s) => new(Id, s.SubOrderId, Number, s.Gross, s.Commission, s.Net);

    /// <summary>Freezes an order as placed, with the rates in force at its placing: commission per line, half away from zero.</summary>
    public static SaleRecorded Record(OrderPlacedIntegrationEvent order, CommissionRates rates)
    {
        var subOrders = order.SubOrders.Select(s =>
        {
            var lines = s.Lines.Select(l =>
            {
                var total = new Money(l.LineTotal, order.Currency);
                var rate = rates.RateFor(l.Category);
                return new SaleLine(l.Sku, l.Category, l.Quantity, total, rate, total.Times(rate));
            }).ToList();
            return new SubOrderSale(s.SubOrderId, s.CooperativeId, lines, new Money(s.Subtotal, order.Currency),
                new Money(s.Shipping, order.Currency), Money.Sum(lines.Select(l => l.Commission), order.Currency));
        }).ToList();
        return new SaleRecorded(order.OrderId, order.Number, order.PaymentMethod, order.PlacedAt, subOrders);
    }
}
