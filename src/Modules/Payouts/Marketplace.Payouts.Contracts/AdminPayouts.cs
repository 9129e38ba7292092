using MediatR;

namespace Marketplace.Payouts.Contracts;

// The programme team's side of Payouts for the administration pages: the same use cases as the /api/admin routes of
// API.md (commission, payout-runs, payouts, bank-transfers.csv, mark-sent, reconciliation), with the same rules. The
// caller checks that the actor is an administrator (the pages' folder requires the admin policy). Amounts are decimals
// with 2 places and a currency; methods and statuses are the API's snake_case strings.

/// <summary>The commission rates in force now (the configured default before any was set), and every version set.</summary>
public sealed record GetCommissionRatesForAdmin : IRequest<AdminCommissionRates>;

/// <param name="EffectiveFrom">null while no administrator has set rates (the configured default applies).</param>
/// <param name="History">newest first.</param>
public sealed record AdminCommissionRates(decimal DefaultRate, IReadOnlyDictionary<string, decimal> CategoryRates, DateTimeOffset? EffectiveFrom,
    IReadOnlyList<CommissionRatesVersion> History);

public sealed record CommissionRatesVersion(decimal DefaultRate, IReadOnlyDictionary<string, decimal> CategoryRates, DateTimeOffset? EffectiveFrom);

/// <summary>
/// New commission rates (0 to 0.5, at most 4 decimals), in force for orders placed from now on. Bad rates are
/// ValidationFailed ("defaultRate", "categoryRates").
/// </summary>
public sealed record ChangeCommissionRates(decimal? DefaultRate, IReadOnlyDictionary<string, decimal>? CategoryRates, Guid AdminId)
    : IRequest<CommissionRatesVersion>;

/// <summary>
/// Pays every cooperative what became available to it until the end of <paramref name="PeriodEnd"/> (Casablanca time):
/// one payout per cooperative and week (Monday to Sunday). A missing or future day is ValidationFailed ("periodEnd").
/// </summary>
public sealed record RunPayoutsForPeriod(DateOnly? PeriodEnd, Guid AdminId) : IRequest<AdminPayoutRun>;

/// <summary>A payout run: what it created, every payout of its week (old and new) and the cooperatives it held back.</summary>
/// <param name="PeriodEnd">the week's Sunday, yyyy-MM-dd.</param>
public sealed record AdminPayoutRun(Guid Id, string PeriodEnd, DateTimeOffset At, Guid? By, IReadOnlyList<Guid> Created,
    IReadOnlyList<AdminPayout> Payouts, IReadOnlyList<HeldCooperative> Held);

/// <param name="Reason">suspended, no_payout_account, payout_account_on_hold, stripe_not_configured or payout_account_incomplete.</param>
public sealed record HeldCooperative(Guid CooperativeId, decimal Amount, string Currency, string Reason);

/// <summary>A run already made (NotFound when unknown), with every payout of its period.</summary>
public sealed record GetPayoutRunForAdmin(Guid RunId) : IRequest<AdminPayoutRun>;

/// <summary>The runs made, newest first.</summary>
public sealed record ListPayoutRunsForAdmin(int Page = 1, int PageSize = 20) : IRequest<AdminPayoutRunPage>;

public sealed record AdminPayoutRunPage(IReadOnlyList<AdminPayoutRunItem> Items, long Total, int Page, int PageSize);

public sealed record AdminPayoutRunItem(Guid Id, string PeriodEnd, DateTimeOffset At, Guid? By, int Created, int Held);

/// <summary>
/// Payouts, newest first, of a status (pending, sent, paid, failed, reconciled), a cooperative or a period (yyyy-MM-dd).
/// An unknown status is ValidationFailed ("status").
/// </summary>
public sealed record ListPayoutsForAdmin(string? Status = null, Guid? CooperativeId = null, string? PeriodEnd = null, int Page = 1,
    int PageSize = 20) : IRequest<AdminPayoutPage>;

public sealed record AdminPayoutPage(IReadOnlyList<AdminPayout> Items, long Total, int Page, int PageSize);

/// <param name="Method">bank_transfer or stripe_connect.</param>
/// <param name="Status">pending, sent, paid, failed, returned or reconciled.</param>
/// <param name="PeriodEnd">the Sunday that ends its week, yyyy-MM-dd.</param>
/// <param name="BatchId">the bank batch it went into, if any.</param>
public sealed record AdminPayout(Guid Id, string Reference, Guid CooperativeId, decimal Amount, string Currency, string Method, string Status,
    string PeriodEnd, DateTimeOffset CreatedAt, string? BankReference, DateTimeOffset? SentAt, string? TransferId, DateTimeOffset? PaidAt,
    string? FailureReason, DateTimeOffset? ReconciledAt, Guid? BatchId = null);

/// <summary>
/// A batch for the bank of every pending bank-transfer payout in no batch yet (Unprocessable when there is none). A payout
/// is in one batch only, and a batch's file is the same at every download.
/// </summary>
public sealed record CreateBankBatchForAdmin(Guid AdminId) : IRequest<AdminBankBatch>;

/// <summary>The batches, newest first.</summary>
public sealed record ListBankBatchesForAdmin(int Page = 1, int PageSize = 20) : IRequest<AdminBankBatchPage>;

/// <summary>A batch's file for the bank (rib, amount, currency, reference, cooperative), UTF-8 CSV; NotFound when unknown.</summary>
public sealed record GetBankBatchFileForAdmin(Guid BatchId) : IRequest<AdminBankBatchFile>;

public sealed record AdminBankBatch(Guid Id, string Number, DateTimeOffset CreatedAt, decimal Total, string Currency, IReadOnlyList<AdminPayout> Payouts);

public sealed record AdminBankBatchPage(IReadOnlyList<AdminBankBatch> Items, long Total, int Page, int PageSize);

public sealed record AdminBankBatchFile(string FileName, byte[] Content);

/// <summary>
/// A failed or returned payout is paid again (the next batch, or a new Stripe attempt), its amount taken from the ledger
/// again: DomainRuleViolated "payout_not_reissuable" (not failed or returned) or "payout_paid_since" (its money was paid out
/// since); NotFound when unknown.
/// </summary>
public sealed record ReissuePayoutByAdmin(Guid PayoutId, Guid AdminId) : IRequest<AdminPayout>;

/// <summary>
/// The administrator handed a pending bank transfer to the bank, which gave it <paramref name="BankReference"/>. An empty
/// reference is ValidationFailed ("bankReference"); a payout that is not a pending bank transfer is DomainRuleViolated
/// ("not_a_bank_transfer", "payout_not_pending"); an unknown one NotFound.
/// </summary>
public sealed record MarkPayoutSentByAdmin(Guid PayoutId, string? BankReference, Guid AdminId) : IRequest<AdminPayout>;

/// <summary>
/// Imports the platform's bank statement (CSV date,reference,amount,counterparty): a debit that matches a sent payout
/// reconciles it, a credit naming a sent or reconciled payout returns it (its money back to the cooperative). A faulty file
/// is ValidationFailed ("file", a message starting "Line N:"), and nothing is imported.
/// </summary>
public sealed record ImportBankStatementForAdmin(byte[] File) : IRequest<BankStatementImport>;

public sealed record BankStatementImport(int Matched, IReadOnlyList<AdminStatementLine> Unmatched, int Imported, int AlreadyImported, int Returned = 0);

/// <param name="Line">its line in the imported file.</param>
/// <param name="Amount">as the bank shows it (transfers out are negative), in MAD.</param>
public sealed record AdminStatementLine(int Line, DateOnly Date, string Reference, decimal Amount, string Counterparty, string? PayoutReference);

/// <summary>
/// What does not match: statement lines that match no payout, bank transfers sent more than the grace days ago that no
/// statement shows, and the differences the last comparison with Stripe found.
/// </summary>
public sealed record GetReconciliationForAdmin : IRequest<AdminReconciliation>;

/// <param name="StripeComparedAt">null when Stripe was never compared.</param>
public sealed record AdminReconciliation(IReadOnlyList<AdminStatementLine> UnmatchedLines, IReadOnlyList<AdminPayout> UnmatchedPayouts,
    DateTimeOffset? StripeComparedAt, IReadOnlyList<AdminStripeDifference> StripeDifferences);

/// <param name="Kind">missing_at_stripe, unknown_at_stripe, amount_differs or destination_differs.</param>
public sealed record AdminStripeDifference(string Kind, string? TransferId, string? PayoutReference, decimal? OurAmount, decimal? StripeAmount,
    string Currency);

/// <summary>
/// Compares the Stripe payouts paid between two days with the transfers Stripe lists: payouts that agree become
/// reconciled, differences are kept for <see cref="GetReconciliationForAdmin"/>. Missing days or more than 92 days are
/// ValidationFailed ("from", "to"); Stripe not configured or unreachable is DomainRuleViolated ("stripe_not_configured",
/// "stripe_unavailable").
/// </summary>
public sealed record CompareStripeTransfersForAdmin(DateOnly? From, DateOnly? To) : IRequest<AdminStripeComparison>;

public sealed record AdminStripeComparison(DateTimeOffset ComparedAt, int Matched, IReadOnlyList<AdminStripeDifference> Differences);

/// <summary>
/// The bank returned a bank transfer (a closed account, a wrong RIB): the payout fails and its money returns to the
/// cooperative's balance, to be paid in a later period. An empty reason is ValidationFailed ("reason"); a payout that is not
/// a pending or sent bank transfer is DomainRuleViolated ("not_a_bank_transfer", "payout_not_returnable").
/// </summary>
public sealed record MarkPayoutFailedByAdmin(Guid PayoutId, string? Reason, Guid AdminId) : IRequest<AdminPayout>;

/// <summary>
/// The payouts made between two days (Morocco's calendar, both included): sent by bank transfer, paid through Stripe or
/// reconciled with the bank, dated by when they left; a payout the bank returned is not counted (for the programme's impact).
/// </summary>
public sealed record GetPayoutsMade(DateOnly From, DateOnly To) : IRequest<PayoutsMade>;

public sealed record PayoutsMade(int Payouts, int Cooperatives, decimal Amount, string Currency = "MAD");
