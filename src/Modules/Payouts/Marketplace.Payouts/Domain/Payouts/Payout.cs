using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Domain.Payouts;

internal enum PayoutStatus { Pending, Sent, Paid, Failed, Reconciled }

internal enum PayoutMethod { BankTransfer, StripeConnect }

/// <summary>A payout was decided in a run: its amount was taken from the cooperative's ledger in the same transaction.</summary>
/// <param name="Period">the period's last day, "yyyy-MM-dd" (one payout per cooperative and period).</param>
/// <param name="Destination">the RIB or the Stripe account (acct_...) at the time of the run.</param>
[EventName("payouts.payout_created")]
internal sealed record PayoutCreated(Guid PayoutId, Guid RunId, string Reference, Guid CooperativeId, string Period, DateTimeOffset PeriodEndsAt,
    Money Amount, PayoutMethod Method, string Destination, DateTimeOffset At) : IDomainEvent;

/// <summary>An administrator handed the transfer to the bank.</summary>
[EventName("payouts.payout_sent")]
internal sealed record PayoutSent(Guid PayoutId, string BankReference, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>Stripe made the transfer to the cooperative's connected account.</summary>
[EventName("payouts.payout_paid")]
internal sealed record PayoutPaid(Guid PayoutId, string TransferId, DateTimeOffset At) : IDomainEvent;

/// <summary>The payment was refused for good: the money went back to the cooperative's balance.</summary>
[EventName("payouts.payout_failed")]
internal sealed record PayoutFailed(Guid PayoutId, string Reason, DateTimeOffset At) : IDomainEvent;

/// <summary>The payout was found in the bank statement (or in Stripe's transfers).</summary>
[EventName("payouts.payout_reconciled")]
internal sealed record PayoutReconciled(Guid PayoutId, string Source, string Evidence, DateTimeOffset At) : IDomainEvent;

/// <summary>A payout as its events made it (an inline snapshot, unique per cooperative and period).</summary>
internal sealed class Payout
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Guid RunId { get; set; }
    public string Reference { get; set; } = "";
    public Guid CooperativeId { get; set; }
    public string Period { get; set; } = "";
    public DateTimeOffset PeriodEndsAt { get; set; }
    public Money Amount { get; set; } = Money.Zero();
    public PayoutMethod Method { get; set; }
    public string Destination { get; set; } = "";
    public PayoutStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? BankReference { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? TransferId { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? ReconciledBy { get; set; }
    public DateTimeOffset? ReconciledAt { get; set; }

    public void Apply(PayoutCreated e)
    {
        Id = e.PayoutId;
        RunId = e.RunId;
        Reference = e.Reference;
        CooperativeId = e.CooperativeId;
        Period = e.Period;
        PeriodEndsAt = e.PeriodEndsAt;
        Amount = e.Amount;
        Method = e.Method;
        Destination = e.Destination;
        Status = PayoutStatus.Pending;
        CreatedAt = e.At;
    }

    /// <summary>A copy to change: Marten applies appended events to the aggregate it fetched for writing.</summary>
    public Payout Copy() => (Payout)MemberwiseClone();

    public void Apply(PayoutSent e) { Status = PayoutStatus.Sent; BankReference = e.BankReference; SentAt = e.At; }
    public void Apply(PayoutPaid e) { Status = PayoutStatus.Paid; TransferId = e.TransferId; PaidAt = e.At; }
    public void Apply(PayoutFailed e) { Status = PayoutStatus.Failed; FailureReason = e.Reason; FailedAt = e.At; }
    public void Apply(PayoutReconciled e) { Status = PayoutStatus.Reconciled; ReconciledBy = e.Evidence; ReconciledAt = e.At; }
}

/// <summary>What may happen to a payout, and when.</summary>
internal static class PayoutDecisions
{
    public static PayoutSent MarkSent(Payout payout, string bankReference, Guid by, DateTimeOffset at) => payout switch
    {
        { Method: not PayoutMethod.BankTransfer } => throw new DomainRuleViolated("not_a_bank_transfer",
            "Only bank-transfer payouts are marked as sent; Stripe payouts are sent by the platform."),
        { Status: not PayoutStatus.Pending } => throw new DomainRuleViolated("payout_not_pending",
            $"This payout is {payout.Status.ToString().ToLowerInvariant()}: only a pending payout can be marked as sent."),
        _ => new PayoutSent(payout.Id, bankReference, by, at),
    };

    /// <summary>A bank transfer the bank returned: pending or sent, never one already reconciled.</summary>
    public static PayoutFailed MarkFailed(Payout payout, string reason, DateTimeOffset at) => payout switch
    {
        { Method: not PayoutMethod.BankTransfer } => throw new DomainRuleViolated("not_a_bank_transfer",
            "Only bank-transfer payouts are marked as failed by hand; Stripe payouts fail on their own."),
        { Status: not (PayoutStatus.Pending or PayoutStatus.Sent) } => throw new DomainRuleViolated("payout_not_returnable",
            $"This payout is {payout.Status.ToString().ToLowerInvariant()}: only a pending or sent payout can fail."),
        _ => new PayoutFailed(payout.Id, reason, at),
    };

    /// <summary>A statement line matches a sent payout when its reference contains the payout's and its absolute amount is the payout's.</summary>
    public static bool Matches(Payout payout, string lineReference, decimal lineAmount) =>
        payout.Status == PayoutStatus.Sent
        && lineReference.Contains(payout.Reference, StringComparison.OrdinalIgnoreCase)
        && Math.Abs(lineAmount) == payout.Amount.Amount;
}
