using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Domain.Ledger;

/// <summary>
/// A cooperative's ledger as its events made it (an inline snapshot): the balance of every account, and where each of
/// its sub-orders and payouts stands, so that decisions (<see cref="LedgerDecisions"/>) never post anything twice.
/// </summary>
internal sealed class CooperativeLedger
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Money Pending { get; set; } = Money.Zero();
    public Money Available { get; set; } = Money.Zero();
    public Money OwedToPlatform { get; set; } = Money.Zero();
    public Money Commission { get; set; } = Money.Zero();
    public Money PlatformCash { get; set; } = Money.Zero();
    public Money Held { get; set; } = Money.Zero();
    /// <summary>When the next delivered card sale becomes available (for the job that moves them): null when none waits.</summary>
    public DateTimeOffset? NextAvailableAt { get; set; }
    public Dictionary<Guid, SalePosition> Sales { get; set; } = [];
    public Dictionary<Guid, PayoutPosition> Payouts { get; set; } = [];
    public DateTimeOffset? LastPostedAt { get; set; }

    public static CooperativeLedger Empty(Guid cooperativeId) => new() { Id = cooperativeId };

    /// <summary>
    /// A copy to decide on: Marten applies the appended events to the aggregate it fetched for writing, so decisions
    /// never change that one.
    /// </summary>
    public CooperativeLedger Copy() => new()
    {
        Id = Id, Version = Version, Pending = Pending, Available = Available, OwedToPlatform = OwedToPlatform, Commission = Commission,
        PlatformCash = PlatformCash, Held = Held, NextAvailableAt = NextAvailableAt, LastPostedAt = LastPostedAt,
        Sales = Sales.ToDictionary(s => s.Key, s => s.Value.Copy()),
        Payouts = Payouts.ToDictionary(p => p.Key, p => new PayoutPosition { PayoutId = p.Value.PayoutId, Reference = p.Value.Reference,
            Taken = p.Value.Taken.ToList(), Returned = p.Value.Returned }),
    };

    /// <summary>What a payout would pay now: available minus owedToPlatform.</summary>
    public Money Payable => Available - OwedToPlatform;

    public Money Balance(LedgerAccount account) => account switch
    {
        LedgerAccount.Pending => Pending,
        LedgerAccount.Available => Available,
        LedgerAccount.OwedToPlatform => OwedToPlatform,
        LedgerAccount.Commission => Commission,
        LedgerAccount.PlatformCash => PlatformCash,
        LedgerAccount.Held => Held,
        _ => throw new ArgumentOutOfRangeException(nameof(account)),
    };

    public void Apply(CardSalePaid e)
    {
        Post(e);
        Sales[e.Sale.SubOrderId] = Position(e.Sale, SaleState.Pending);
    }

    public void Apply(CardSaleDelivered e)
    {
        Post(e);
        var sale = Sales[e.SubOrderId];
        sale.AvailableAt = e.AvailableAt ?? e.At;
        if (e.Legs.Count > 0) sale.State = SaleState.Available;
        Waiting();
    }

    public void Apply(CardSaleMatured e)
    {
        Post(e);
        Sales[e.SubOrderId].State = SaleState.Available;
        Waiting();
    }

    public void Apply(SaleHeld e)
    {
        Post(e);
        var sale = Sales[e.SubOrderId];
        sale.HeldFrom = sale.State;
        sale.State = SaleState.Held;
        Waiting();
    }

    public void Apply(SaleReleased e)
    {
        Post(e);
        var sale = Sales[e.SubOrderId];
        sale.State = e.Legs.Any(l => l.Account == LedgerAccount.Available) ? SaleState.Available : SaleState.Pending;
        sale.HeldFrom = null;
        Waiting();
    }

    public void Apply(CashSaleDelivered e)
    {
        Post(e);
        Sales[e.Sale.SubOrderId] = Position(e.Sale, SaleState.Owed);
    }

    public void Apply(SaleReversed e)
    {
        Post(e);
        if (!Sales.TryGetValue(e.SubOrderId, out var sale))
        {
            Sales[e.SubOrderId] = new SalePosition { SubOrderId = e.SubOrderId, OrderId = e.OrderId, OrderNumber = e.Reference, State = SaleState.Closed };
            return;
        }
        foreach (var leg in e.Legs)
        {
            if (leg.Account is LedgerAccount.Pending or LedgerAccount.Available or LedgerAccount.Held) sale.ReversedNet -= leg.Amount;
            if (leg.Account is LedgerAccount.Commission) sale.ReversedCommission -= leg.Amount;
        }
        if (sale.RemainingGross.IsZero) sale.State = SaleState.Closed;
        Waiting();
    }

    public void Apply(PayoutDebited e)
    {
        Post(e);
        Payouts[e.PayoutId] = new PayoutPosition { PayoutId = e.PayoutId, Reference = e.Reference, Taken = e.Legs.ToList() }; // again after a reissue
    }

    public void Apply(PayoutReturned e)
    {
        Post(e);
        Payouts[e.PayoutId].Returned = true;
    }

    /// <summary>Applies a transaction just decided, so that the next decision sees it.</summary>
    public void Then(ILedgerTransaction e)
    {
        switch (e)
        {
            case CardSalePaid x: Apply(x); break;
            case CardSaleDelivered x: Apply(x); break;
            case CardSaleMatured x: Apply(x); break;
            case SaleHeld x: Apply(x); break;
            case SaleReleased x: Apply(x); break;
            case CashSaleDelivered x: Apply(x); break;
            case SaleReversed x: Apply(x); break;
            case PayoutDebited x: Apply(x); break;
            case PayoutReturned x: Apply(x); break;
            default: throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name);
        }
        Version++;
    }

    private static SalePosition Position(SubOrderAmounts s, SaleState state) => new()
    {
        SubOrderId = s.SubOrderId, OrderId = s.OrderId, OrderNumber = s.OrderNumber, State = state,
        Gross = s.Gross, Net = s.Net, Commission = s.Commission,
    };

    /// <summary>The next moment a delivered card sale, still pending, becomes available.</summary>
    private void Waiting() => NextAvailableAt = Sales.Values.Where(s => s is { State: SaleState.Pending, AvailableAt: not null })
        .Select(s => s.AvailableAt).Min();

    private void Post(ILedgerTransaction e)
    {
        Id = e.CooperativeId;
        foreach (var leg in e.Legs)
        {
            switch (leg.Account)
            {
                case LedgerAccount.Pending: Pending += leg.Amount; break;
                case LedgerAccount.Available: Available += leg.Amount; break;
                case LedgerAccount.OwedToPlatform: OwedToPlatform += leg.Amount; break;
                case LedgerAccount.Commission: Commission += leg.Amount; break;
                case LedgerAccount.PlatformCash: PlatformCash += leg.Amount; break;
                case LedgerAccount.Held: Held += leg.Amount; break;
            }
        }
        LastPostedAt = e.At;
    }
}
