using MediatR;

namespace Marketplace.Orders.Contracts;

/// <summary>A sub-order as its invoice needs it (Invoicing asks); null when the order or the sub-order is unknown.</summary>
public sealed record GetSubOrderForInvoice(Guid OrderId, Guid SubOrderId) : IRequest<SubOrderForInvoice?>;

/// <param name="Status">placed, accepted, shipped, delivered or cancelled.</param>
/// <param name="Paid">the money is in: a card payment received, or cash on delivery collected at delivery.</param>
/// <param name="Address">the shipping address: the buyer.</param>
/// <param name="Shipping">the delivery fee of this sub-order.</param>
public sealed record SubOrderForInvoice(Guid OrderId, string OrderNumber, Guid ShopperId, Guid SubOrderId, Guid CooperativeId, string Status,
    string PaymentMethod, bool Paid, DateTimeOffset? DeliveredAt, SubOrderAddress? Address, IReadOnlyList<InvoiceLineInfo> Lines,
    decimal Subtotal, decimal Shipping, decimal Total, string Currency)
{
    public bool IsInvoiceable => Status == "delivered" && Paid;
}

/// <param name="Name">the product's name by language, as it was ordered.</param>
public sealed record InvoiceLineInfo(string Sku, IReadOnlyDictionary<string, string> Name, string Unit, int Quantity, decimal UnitPrice,
    decimal LineTotal);
