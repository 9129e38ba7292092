using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Domain.Payouts;

internal enum PayoutStatus { Pending, Sent, Paid, Failed, Reconciled, Returned }

internal enum PayoutMethod { BankTransfer, StripeConnect }

/// <summary>A payout was decided in a run: its amount was taken from the cooperative's ledger in the same transaction.</summary>
/// <param name="Period">the last day (a Sunday) of the week it pays, "yyyy-MM-dd": one payout per cooperative and week.</param>
/// <param name="PeriodEndsAt">the end of the run's periodEnd day: it pays what became available until then.</param>
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

/// <summary>The bank transfer went into a batch for the bank (one batch only).</summary>
[EventName("payouts.payout_batched")]
internal sealed record PayoutBatched(Guid PayoutId, Guid BatchId, DateTimeOffset At) : IDomainEvent;

/// <summary>The bank sent the transfer back (a credit on the platform's statement that names it): its money is the cooperative's again.</summary>
[EventName("payouts.payout_returned_by_bank")]
internal sealed record PayoutReturnedByBank(Guid PayoutId, string Evidence, DateTimeOffset At) : IDomainEvent;

/// <summary>A failed or returned payout is paid again: in the next bank batch (to <paramref name="Destination"/>, the account
/// of now) or by a new Stripe attempt (<paramref name="Attempt"/>), its amount taken from the ledger again.</summary>
[EventName("payouts.payout_reissued")]
internal sealed record PayoutReissued(Guid PayoutId, PayoutMethod Method, string Destination, int Attempt, Guid By, DateTimeOffset At) : IDomainEvent;

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
    public Guid? BatchId { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    /// <summary>0, then 1, 2... after each reissue (a Stripe attempt's idempotency key).</summary>
    public int Attempt { get; set; }

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
    public void Apply(PayoutBatched e) => BatchId = e.BatchId;
    public void Apply(PayoutReturnedByBank e) { Status = PayoutStatus.Returned; FailureReason = e.Evidence; ReturnedAt = e.At; }

    public void Apply(PayoutReissued e)
    {
        Status = PayoutStatus.Pending;
        Method = e.Method;
        Destination = e.Destination;
        Attempt = e.Attempt;
        BatchId = null;
        BankReference = null;
        SentAt = null;
        FailureReason = null;
    }
}

internal static class PayoutStatuses
{
    /// <summary>The API's spelling (pending, sent, paid, failed, returned, reconciled); null for anything else.</summary>
    public static PayoutStatus? Parse(string? status) =>
        status is { Length: > 0 } && status.All(char.IsAsciiLetterLower) && Enum.TryParse<PayoutStatus>(status, ignoreCase: true, out var s) ? s : null;

    public const string Help = "status is one of pending, sent, paid, failed, returned, reconciled.";
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

    /// <summary>A debit line (transfers out are negative) of minus its amount, naming it, is the bank paying a sent payout.</summary>
    public static bool Matches(Payout payout, string lineReference, decimal lineAmount) =>
        payout.Status == PayoutStatus.Sent
        && lineAmount < 0m && -lineAmount == payout.Amount.Amount
        && lineReference.Contains(payout.Reference, StringComparison.OrdinalIgnoreCase);

    /// <summary>A credit line naming a sent or reconciled payout is the bank returning it.</summary>
    public static bool IsReturnOf(Payout payout, string lineReference, decimal lineAmount) =>
        payout.Status is PayoutStatus.Sent or PayoutStatus.Reconciled
        && lineAmount > 0m
        && lineReference.Contains(payout.Reference, StringComparison.OrdinalIgnoreCase);

    /// <summary>Only a failed or returned payout is paid again.</summary>
    public static PayoutReissued Reissue(Payout payout, PayoutMethod method, string destination, Guid by, DateTimeOffset at) =>
        payout.Status is PayoutStatus.Failed or PayoutStatus.Returned
            ? new PayoutReissued(payout.Id, method, destination, payout.Attempt + 1, by, at)
            : throw new DomainRuleViolated("payout_not_reissuable",
                $"This payout is {payout.Status.ToString().ToLowerInvariant()}: only a failed or returned payout can be reissued.");
}
