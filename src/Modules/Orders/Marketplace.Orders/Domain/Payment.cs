using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Domain;

internal sealed class Payment
{
    public PaymentStatus Status { get; set; }
    public string? Gateway { get; set; }
    public string? Reference { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The provider's hosted payment page of the open attempt (hosted flow).</summary>
    public string? CheckoutUrl { get; set; }
    /// <summary>"intent" or "hosted" (card orders).</summary>
    public string? Flow { get; set; }
    /// <summary>The number of the open attempt (1 for the first).</summary>
    public int Attempt { get; set; }
    public string? LastFailure { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public Money? AmountReceived { get; set; }
    public List<Refund> Refunds { get; set; } = [];
    public List<Dispute> Disputes { get; set; } = [];
    /// <summary>A refund is owed and may be issued (kept with the document, for the refunds job's query).</summary>
    public bool RefundDue { get; set; }
    /// <summary>When the next refund owed may be tried (null: now).</summary>
    public DateTimeOffset? NextRefundAt { get; set; }
    /// <summary>A refund the gateway refused: administrators see it.</summary>
    public bool RefundBlocked { get; set; }
    public string? RefundReference { get; set; }
    public Money? AmountRefunded { get; set; }

    /// <summary>What of the payment was not asked back yet.</summary>
    public Money Refundable => AmountReceived is { } received
        ? received - Money.Sum(Refunds.Select(r => r.Amount), received.Currency)
        : Money.Zero();

    /// <summary>The flags the refunds job and administrators query, after a change of <see cref="Refunds"/>.</summary>
    public void Refreshed(OrderStatus order)
    {
        var due = Refunds.Where(r => r.Status == RefundStatus.Due).ToList();
        RefundDue = due.Count > 0;
        NextRefundAt = due.Count == 0 ? null : due.Min(r => r.NextAttemptAt ?? DateTimeOffset.MinValue);
        if (NextRefundAt == DateTimeOffset.MinValue) NextRefundAt = null;
        RefundBlocked = Refunds.Any(r => r.Status == RefundStatus.Blocked);
        if (order != OrderStatus.Cancelled || PaidAt is null) return;
        Status = RefundDue || RefundBlocked ? PaymentStatus.RefundPending : PaymentStatus.Refunded;
    }
}

internal enum RefundStatus { Due, Issued, Blocked }

/// <summary>A chargeback of the payment: open, won or lost.</summary>
internal sealed class Dispute
{
    public string Id { get; set; } = "";
    public Money Amount { get; set; } = Money.Zero();
    public string Status { get; set; } = "open";
    public DateTimeOffset OpenedAt { get; set; }
}

/// <summary>Money of the payment owed back, by key (the gateway's idempotency key), and what became of it.</summary>
internal sealed class Refund
{
    public string Key { get; set; } = "";
    public string PaymentReference { get; set; } = "";
    public Money Amount { get; set; } = Money.Zero();
    public string Reason { get; set; } = "";
    public List<Guid> SubOrderIds { get; set; } = [];
    public RefundStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public string? RefundReference { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
}
