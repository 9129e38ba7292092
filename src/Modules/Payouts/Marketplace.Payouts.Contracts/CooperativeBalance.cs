using MediatR;

namespace Marketplace.Payouts.Contracts;

// What the cooperative space (its staff's web pages) asks of the Payouts module: the same answers as the HTTP API's
// /api/cooperatives/{id}/balance, /ledger, /statements/{yyyy-MM}.csv and /payouts, with the same rights: the
// cooperative's staff and administrators (NotFound for an unknown cooperative, Forbidden for anyone else).
// Amounts are decimals with 2 places in Currency (MAD); kinds, accounts and statuses are spelled as in the API.

/// <summary>The cooperative's balance (API.md "What the balance means"); zero before its first sale.</summary>
public sealed record GetCooperativeBalance(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin = false) : IRequest<CooperativeBalance>;

/// <param name="Payable">what the next payout would pay: available - owedToPlatform (negative: the cooperative owes the platform).</param>
/// <param name="UpdatedAt">the last entry's moment, or null before the first.</param>
/// <param name="Held">the net of card sales under a dispute, never paid out until it closes.</param>
public sealed record CooperativeBalance(decimal Available, decimal Pending, decimal OwedToPlatform, decimal Payable, string Currency,
    DateTimeOffset? UpdatedAt, decimal Held = 0m);

/// <summary>The cooperative's ledger entries, newest first, optionally between two local days (both included).</summary>
public sealed record GetCooperativeLedger(Guid CooperativeId, Guid ViewerId, int Page = 1, int PageSize = 20, DateOnly? From = null,
    DateOnly? To = null, bool ViewerIsAdmin = false) : IRequest<CooperativeLedgerPage>;

public sealed record CooperativeLedgerPage(IReadOnlyList<CooperativeLedgerEntry> Items, long Total, int Page, int PageSize);

/// <param name="Kind">card_sale, delivery, available, cash_sale_commission, refund, cancellation, dispute_hold, dispute_release,
/// dispute_lost, payout, payout_returned or adjustment.</param>
/// <param name="Account">the balance's account the entry moves: pending, available, owed_to_platform or held.</param>
/// <param name="Reference">the order number or payout reference the entry comes from.</param>
/// <param name="BalanceAfter">that account's balance after the entry.</param>
public sealed record CooperativeLedgerEntry(DateTimeOffset At, string Kind, string Account, string Reference, decimal Amount,
    decimal BalanceAfter, string Currency);

/// <summary>A month of the cooperative's ledger as the API's CSV file (UTF-8 with a BOM); names in <paramref name="Language"/>.</summary>
public sealed record GetCooperativeStatement(Guid CooperativeId, Guid ViewerId, int Year, int Month, string Language,
    bool ViewerIsAdmin = false) : IRequest<CooperativeStatement>;

/// <param name="FileName">statement-yyyy-MM.csv, as the API names it.</param>
public sealed record CooperativeStatement(byte[] Content, string ContentType, string FileName);

/// <summary>The cooperative's payouts, newest first.</summary>
public sealed record ListCooperativePayouts(Guid CooperativeId, Guid ViewerId, int Page = 1, int PageSize = 10, bool ViewerIsAdmin = false)
    : IRequest<CooperativePayoutPage>;

public sealed record CooperativePayoutPage(IReadOnlyList<CooperativePayout> Items, long Total, int Page, int PageSize);

/// <param name="Method">bank_transfer or stripe_connect.</param>
/// <param name="Status">pending, sent, paid, failed or reconciled.</param>
/// <param name="PeriodEnd">the last day (yyyy-MM-dd) of the period it pays.</param>
public sealed record CooperativePayout(Guid Id, string Reference, decimal Amount, string Currency, string Method, string Status,
    string PeriodEnd, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? PaidAt, string? FailureReason);

/// <summary>
/// The platform's commission on each cooperative's sales in a month (Africa/Casablanca), from the ledger's commission legs:
/// earned when a card sale is paid or a cash sale delivered, given back by refunds and cancellations. Cooperatives with no
/// commission movement that month are left out.
/// </summary>
public sealed record GetMonthlyCommissions(int Year, int Month) : IRequest<IReadOnlyList<MonthlyCommission>>;

/// <param name="Commission">the month's commission, refunds deducted (may be 0 or less when refunds outweigh sales).</param>
/// <param name="Sales">how many sales (order references) earned or gave back commission.</param>
public sealed record MonthlyCommission(Guid CooperativeId, decimal Commission, int Sales, string Currency = "MAD");
