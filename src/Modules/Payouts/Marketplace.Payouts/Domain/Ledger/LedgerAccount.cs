namespace Marketplace.Payouts.Domain.Ledger;

/// <summary>
/// The accounts of a cooperative's double-entry ledger, kept by the platform. The first three are the cooperative's
/// balance (API.md "What the balance means"); the other two are the platform's side of the same transactions.
/// Every amount is the change of the account's balance on its normal side; in every transaction the changes of
/// debit-normal accounts add up to the changes of credit-normal ones.
/// </summary>
internal enum LedgerAccount
{
    /// <summary>Credit-normal: the net of card-paid sub-orders not yet delivered, owed to the cooperative.</summary>
    Pending,
    /// <summary>Credit-normal: the net of delivered card sub-orders, owed to the cooperative, not yet paid out.</summary>
    Available,
    /// <summary>Debit-normal: commission on delivered cash-on-delivery sub-orders, owed by the cooperative.</summary>
    OwedToPlatform,
    /// <summary>Credit-normal: the platform's commission earned on this cooperative's sales.</summary>
    Commission,
    /// <summary>Debit-normal: money the platform holds for this cooperative (card payments in, payouts out).</summary>
    PlatformCash,
    /// <summary>Credit-normal: the net of card sales under a dispute: never paid out until the dispute closes.</summary>
    Held,
}

internal static class LedgerAccounts
{
    public static bool IsDebitNormal(this LedgerAccount account) => account is LedgerAccount.OwedToPlatform or LedgerAccount.PlatformCash;

    /// <summary>Accounts that make up the cooperative's balance (shown to it as entries).</summary>
    public static bool IsCooperativeBalance(this LedgerAccount account) =>
        account is LedgerAccount.Pending or LedgerAccount.Available or LedgerAccount.OwedToPlatform or LedgerAccount.Held;
}
