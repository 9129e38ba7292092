using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Domain.Ledger;

/// <summary>Where a sub-order's money stands in its cooperative's ledger.</summary>
internal enum SaleState
{
    /// <summary>Card-paid, not yet delivered: its net is pending.</summary>
    Pending,
    /// <summary>Card-paid and delivered: its net went to available.</summary>
    Available,
    /// <summary>Cash on delivery, delivered: its commission is owed to the platform.</summary>
    Owed,
    /// <summary>Cancelled or refunded in full: nothing of it remains.</summary>
    Closed,
    /// <summary>Card-paid, under a dispute: its net is held until the dispute closes.</summary>
    Held,
}

internal sealed class SalePosition
{
    public Guid SubOrderId { get; set; }
    public Guid OrderId { get; set; }
    public string OrderNumber { get; set; } = "";
    public SaleState State { get; set; }
    public Money Gross { get; set; } = Money.Zero();
    public Money Net { get; set; } = Money.Zero();
    public Money Commission { get; set; } = Money.Zero();
    /// <summary>What reversals took back so far (gross = net + commission).</summary>
    public Money ReversedNet { get; set; } = Money.Zero();
    public Money ReversedCommission { get; set; } = Money.Zero();
    /// <summary>A card sale delivered: when its net becomes available (delivery plus the card hold days).</summary>
    public DateTimeOffset? AvailableAt { get; set; }
    /// <summary>Where a held sale's net was before its dispute (pending or available).</summary>
    public SaleState? HeldFrom { get; set; }

    public Money RemainingNet => Net - ReversedNet;
    public Money RemainingCommission => Commission - ReversedCommission;
    public Money RemainingGross => RemainingNet + RemainingCommission;

    public SalePosition Copy() => (SalePosition)MemberwiseClone();
}

internal sealed class PayoutPosition
{
    public Guid PayoutId { get; set; }
    public string Reference { get; set; } = "";
    /// <summary>What the payout took from each account (available, owedToPlatform, platform cash).</summary>
    public List<LedgerLeg> Taken { get; set; } = [];
    public bool Returned { get; set; }
}
