using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Domain.Ledger;

// The facts of a cooperative's ledger, one stream per cooperative (stream id = cooperative id). Each carries its
// transaction's legs (double entry) with the balance of each account after it, so that entries are read as written.

/// <summary>One side of a transaction: the change of an account's balance, and that balance after it.</summary>
internal sealed record LedgerLeg(LedgerAccount Account, Money Amount, Money BalanceAfter);

/// <summary>A ledger transaction: what every ledger event is.</summary>
internal interface ILedgerTransaction : IDomainEvent
{
    Guid CooperativeId { get; }
    /// <summary>What people read: an order number, a payout reference.</summary>
    string Reference { get; }
    DateTimeOffset At { get; }
    IReadOnlyList<LedgerLeg> Legs { get; }
}

/// <summary>What a sub-order brings, frozen when its order was placed.</summary>
/// <param name="Gross">items and delivery fee.</param>
/// <param name="Commission">on the items only, line by line.</param>
/// <param name="Net">gross minus commission: the cooperative's share.</param>
internal sealed record SubOrderAmounts(Guid OrderId, Guid SubOrderId, string OrderNumber, Money Gross, Money Commission, Money Net);

/// <summary>A card order was paid: the sub-order's net is pending until delivery; the commission is the platform's.</summary>
[EventName("payouts.card_sale_paid")]
internal sealed record CardSalePaid(Guid CooperativeId, SubOrderAmounts Sale, string Reference, DateTimeOffset At,
    IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

/// <summary>
/// A card-paid sub-order was delivered: its net (delivery fee included) moves from pending to available at once when the
/// card hold is 0 days; otherwise it stays pending until <paramref name="AvailableAt"/> (no legs), and <see cref="CardSaleMatured"/> moves it.
/// </summary>
[EventName("payouts.card_sale_delivered")]
internal sealed record CardSaleDelivered(Guid CooperativeId, Guid SubOrderId, string Reference, DateTimeOffset At,
    IReadOnlyList<LedgerLeg> Legs, DateTimeOffset? AvailableAt = null) : ILedgerTransaction;

/// <summary>A delivered card sale's hold is over: its net moves from pending to available (at the moment it was due).</summary>
[EventName("payouts.card_sale_matured")]
internal sealed record CardSaleMatured(Guid CooperativeId, Guid SubOrderId, string Reference, DateTimeOffset At,
    IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

/// <summary>The card payment of the sub-order is disputed: its net moves to held, never paid out until the dispute closes.</summary>
[EventName("payouts.sale_held")]
internal sealed record SaleHeld(Guid CooperativeId, Guid SubOrderId, string DisputeId, string Reference, DateTimeOffset At,
    IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

/// <summary>The dispute was won: the held net goes back where it was (available once its hold is over, else pending).</summary>
[EventName("payouts.sale_released")]
internal sealed record SaleReleased(Guid CooperativeId, Guid SubOrderId, string DisputeId, string Reference, DateTimeOffset At,
    IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

/// <summary>A cash-on-delivery sub-order was delivered: the cooperative holds the cash and owes the commission.</summary>
[EventName("payouts.cash_sale_delivered")]
internal sealed record CashSaleDelivered(Guid CooperativeId, SubOrderAmounts Sale, string Reference, DateTimeOffset At,
    IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

/// <summary>A sub-order was cancelled or refunded: the entries it made are reversed (all, or <see cref="Gross"/> of them).</summary>
/// <param name="Reason">"cancelled" or "refunded".</param>
[EventName("payouts.sale_reversed")]
internal sealed record SaleReversed(Guid CooperativeId, Guid OrderId, Guid SubOrderId, string Reason, Money Gross, string Reference,
    DateTimeOffset At, IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

/// <summary>A payout took what the cooperative was owed: available and owedToPlatform are cleared.</summary>
[EventName("payouts.payout_debited")]
internal sealed record PayoutDebited(Guid CooperativeId, Guid PayoutId, Money Amount, string Reference, DateTimeOffset At,
    IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

/// <summary>A payout failed: what it took is back in the balance.</summary>
[EventName("payouts.payout_returned")]
internal sealed record PayoutReturned(Guid CooperativeId, Guid PayoutId, Money Amount, string Reason, string Reference,
    DateTimeOffset At, IReadOnlyList<LedgerLeg> Legs) : ILedgerTransaction;

internal static class ReversalReasons
{
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";
    public const string DisputeLost = "dispute_lost";
}
