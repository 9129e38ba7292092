using MediatR;

namespace Marketplace.Orders.Contracts;

/// <summary>
/// What administrators must see of card payments: money taken that no order keeps (refunded automatically: amount or
/// currency that did not match, a second payment, an order cancelled or unknown) and refunds the gateway refused for good.
/// </summary>
public sealed record GetPaymentProblems : IRequest<PaymentProblems>;

public sealed record PaymentProblems(IReadOnlyList<StrayPaymentItem> StrayPayments, IReadOnlyList<BlockedRefundItem> BlockedRefunds);

/// <param name="Reason">amount_mismatch, second_payment, order_cancelled or unknown_order.</param>
/// <param name="RefundStatus">due, issued or blocked.</param>
public sealed record StrayPaymentItem(string PaymentReference, Guid OrderId, string? OrderNumber, decimal Amount, string Currency,
    string Reason, DateTimeOffset ReceivedAt, string RefundStatus, string? RefundReference, string? LastError);

public sealed record BlockedRefundItem(Guid OrderId, string OrderNumber, string Key, string PaymentReference, decimal Amount, string Currency,
    string Reason, string? LastError, int Attempts);
