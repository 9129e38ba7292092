using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Domain;

/// <summary>
/// An order as its events made it: one sub-order per cooperative. Marten keeps it inline (a snapshot document),
/// so answers read their own writes. Decisions are in <see cref="OrderDecisions"/>; this class only applies facts.
/// </summary>
internal sealed class Order
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Number { get; set; } = "";
    public Guid ShopperId { get; set; }
    public PaymentMethod Method { get; set; }
    public OrderStatus Status { get; set; }
    public List<SubOrder> SubOrders { get; set; } = [];
    public Money ItemsTotal { get; set; } = Money.Zero();
    public Money ShippingTotal { get; set; } = Money.Zero();
    public Money Total { get; set; } = Money.Zero();
    public ShippingAddress? Address { get; set; }
    public string RequestHash { get; set; } = "";
    public DateTimeOffset PlacedAt { get; set; }
    public DateTimeOffset? PaymentDueBy { get; set; }
    public Payment Payment { get; set; } = new();
    /// <summary>Cooperatives see and fulfil it: cash on delivery at once, card once paid.</summary>
    public bool OpenToCooperatives { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>An expiry that could not be done is looked at again then (<see cref="ExpiryDeferred"/>).</summary>
    public DateTimeOffset? ExpiryRetryAt { get; set; }
    public int ExpiryDeferrals { get; set; }

    public SubOrder? SubOrder(Guid id) => SubOrders.FirstOrDefault(s => s.Id == id);

    public void Apply(OrderPlaced e)
    {
        Id = e.OrderId;
        Number = e.Number;
        ShopperId = e.ShopperId;
        Method = e.Method;
        SubOrders = e.SubOrders.Select(s => new SubOrder
        {
            Id = s.SubOrderId, CooperativeId = s.CooperativeId, Lines = s.Lines.ToList(), Subtotal = s.Subtotal, Shipping = s.Shipping,
            Total = s.Total, Status = SubOrderStatus.Placed,
        }).ToList();
        ItemsTotal = e.ItemsTotal;
        ShippingTotal = e.ShippingTotal;
        Total = e.Total;
        Address = e.Address;
        RequestHash = e.RequestHash;
        PlacedAt = e.PlacedAt;
        PaymentDueBy = e.PaymentDueBy;
        Payment = new Payment { Status = PaymentStatus.Pending, Flow = e.CardFlow };
        OpenToCooperatives = e.Method == PaymentMethod.CashOnDelivery;
        Status = DeriveStatus();
    }

    public void Apply(PaymentRequested e)
    {
        Payment.Gateway = e.Gateway;
        Payment.Reference = e.Reference;
        Payment.ClientSecret = e.ClientSecret;
        Payment.CheckoutUrl = e.CheckoutUrl;
        Payment.Attempt = e.Attempt;
        if (e.Attempt > 1)
        {
            Payment.Status = PaymentStatus.Pending;
            Payment.LastFailure = null;
        }
    }

    public void Apply(PaymentFailed e)
    {
        Payment.Status = PaymentStatus.Failed;
        Payment.LastFailure = e.Reason;
    }

    public void Apply(OrderPaid e)
    {
        Payment.Status = PaymentStatus.Paid;
        Payment.Gateway ??= e.Gateway;
        Payment.Reference = e.Reference;
        Payment.PaidAt = e.PaidAt;
        Payment.AmountReceived = e.Amount;
        OpenToCooperatives = true;
        Status = DeriveStatus();
    }

    public void Apply(ExpiryDeferred e)
    {
        ExpiryRetryAt = e.RetryAt;
        ExpiryDeferrals++;
    }

    public void Apply(SubOrderAccepted e) => Move(e.SubOrderId, SubOrderStatus.Accepted, s => s.AcceptedAt = e.At);

    public void Apply(SubOrderShipped e) => Move(e.SubOrderId, SubOrderStatus.Shipped, s =>
    {
        s.Carrier = e.Carrier;
        s.TrackingNumber = e.TrackingNumber;
        s.ShippedAt = e.At;
    });

    public void Apply(SubOrderDelivered e)
    {
        Move(e.SubOrderId, SubOrderStatus.Delivered, s =>
        {
            s.DeliveredAt = e.At;
            s.CashCollected = e.CashCollected;
        });
        if (Method == PaymentMethod.CashOnDelivery && Status == OrderStatus.Delivered) Payment.Status = PaymentStatus.Collected;
    }

    public void Apply(OrderCancelled e)
    {
        foreach (var s in SubOrders.Where(s => e.SubOrders.Any(c => c.SubOrderId == s.Id)))
        {
            s.Status = SubOrderStatus.Cancelled;
            s.CancelReason = e.Reason;
            s.CancelNote = e.Note;
        }
        Status = DeriveStatus();
        if (Status != OrderStatus.Cancelled) return; // one cooperative's part: the order and its payment go on
        CancelReason = e.Reason;
        CancelledAt = e.At;
        if (Payment.PaidAt is null) Payment.Status = PaymentStatus.Cancelled;
        else Payment.Refreshed(Status); // refund_pending while a refund is owed (its RefundRequested comes with it), then refunded
    }

    /// <summary>A booking cancelled within a sub-order that goes on: its price leaves the sub-order unless the cooperative keeps it.</summary>
    public void Apply(BookingCancelled e)
    {
        var sub = SubOrder(e.SubOrderId)!;
        sub.CancelledBookings.Add(new CancelledBooking { SlotId = e.SlotId, By = e.By, Reason = e.Reason, Refund = e.Refund, Kept = e.Kept, At = e.At });
        if (e.Kept) return;
        sub.Subtotal -= e.LineTotal;
        sub.Total -= e.LineTotal;
    }

    public void Apply(RefundRequested e)
    {
        Payment.Refunds.Add(new Refund
        {
            Key = e.Key, PaymentReference = e.PaymentReference, Amount = e.Amount, Reason = e.Reason, SubOrderIds = e.SubOrderIds.ToList(),
            Status = RefundStatus.Due, RequestedAt = e.At,
        });
        Payment.Refreshed(Status);
    }

    public void Apply(RefundIssued e)
    {
        var refund = Payment.Refunds.Find(r => r.Key == e.Key && e.Key is not null);
        if (refund is null)
            Payment.Refunds.Add(refund = new Refund { Key = $"outside:{e.Reference}", PaymentReference = Payment.Reference ?? "", Amount = e.Amount,
                Reason = "outside", SubOrderIds = e.SubOrderIds?.ToList() ?? [], RequestedAt = e.At });
        refund.Status = RefundStatus.Issued;
        refund.RefundReference = e.Reference;
        refund.IssuedAt = e.At;
        Payment.RefundReference = e.Reference;
        Payment.AmountRefunded = (Payment.AmountRefunded ?? Money.Zero(e.Amount.Currency)) + e.Amount;
        Payment.Refreshed(Status);
    }

    public void Apply(PaymentDisputed e) => Payment.Disputes.Add(new Dispute { Id = e.DisputeId, Amount = e.Amount, Status = "open", OpenedAt = e.At });

    public void Apply(DisputeClosed e)
    {
        if (Payment.Disputes.Find(d => d.Id == e.DisputeId) is { } dispute) dispute.Status = e.Won ? "won" : "lost";
    }

    public void Apply(RefundFailed e)
    {
        var refund = Payment.Refunds.Find(r => r.Key == e.Key);
        if (refund is null) return;
        refund.Attempts++;
        refund.LastError = e.Error;
        refund.Status = e.Permanent ? RefundStatus.Blocked : RefundStatus.Due;
        refund.NextAttemptAt = e.RetryAt;
        Payment.Refreshed(Status);
    }

    private void Move(Guid subOrderId, SubOrderStatus to, Action<SubOrder> also)
    {
        var sub = SubOrder(subOrderId)!;
        sub.Status = to;
        also(sub);
        Status = DeriveStatus();
    }

    /// <summary>The order's status follows its sub-orders (API.md).</summary>
    public OrderStatus DeriveStatus()
    {
        var live = SubOrders.Where(s => s.Status != SubOrderStatus.Cancelled).ToList();
        if (live.Count == 0) return OrderStatus.Cancelled;
        if (Method == PaymentMethod.Card && Payment.Status != PaymentStatus.Paid) return OrderStatus.PendingPayment;
        if (live.All(s => s.Status == SubOrderStatus.Delivered)) return OrderStatus.Delivered;
        if (live.All(s => s.Status is SubOrderStatus.Shipped or SubOrderStatus.Delivered)) return OrderStatus.Shipped;
        if (live.Any(s => s.Status is SubOrderStatus.Shipped or SubOrderStatus.Delivered)) return OrderStatus.PartiallyShipped;
        return Method == PaymentMethod.Card ? OrderStatus.Paid : OrderStatus.Placed;
    }

    /// <summary>Applies one fact (the same Apply methods Marten calls), for decisions that follow decisions.</summary>
    public Order Then(IDomainEvent e)
    {
        switch (e)
        {
            case OrderPlaced x: Apply(x); break;
            case PaymentRequested x: Apply(x); break;
            case PaymentFailed x: Apply(x); break;
            case OrderPaid x: Apply(x); break;
            case ExpiryDeferred x: Apply(x); break;
            case SubOrderAccepted x: Apply(x); break;
            case SubOrderShipped x: Apply(x); break;
            case SubOrderDelivered x: Apply(x); break;
            case OrderCancelled x: Apply(x); break;
            case BookingCancelled x: Apply(x); break;
            case RefundRequested x: Apply(x); break;
            case RefundIssued x: Apply(x); break;
            case RefundFailed x: Apply(x); break;
            case PaymentDisputed x: Apply(x); break;
            case DisputeClosed x: Apply(x); break;
            default: throw new InvalidOperationException($"No Apply for {e.GetType().Name}.");
        }
        Version++;
        return this;
    }
}
