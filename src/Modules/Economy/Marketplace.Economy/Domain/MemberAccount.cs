using Marketplace.BuildingBlocks;

namespace Marketplace.Economy.Domain;

/// <summary>
/// A member's account as its events made it (an inline snapshot): what the cooperative owes her, and which supplies were
/// recorded and reversed, so that <see cref="AccountDecisions"/> never reverse one twice.
/// </summary>
internal sealed class MemberAccount
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public Money Supplied { get; set; } = Money.Zero();
    public Money Paid { get; set; } = Money.Zero();
    public Money Surplus { get; set; } = Money.Zero();
    /// <summary>Each supply entry: true when it is itself a reversal.</summary>
    public Dictionary<Guid, bool> Supplies { get; set; } = [];
    /// <summary>Reversed entry -> the entry reversing it.</summary>
    public Dictionary<Guid, Guid> Reversed { get; set; } = [];
    public DateOnly? LastSupply { get; set; }

    /// <summary>What the cooperative owes her (negative: an advance her supplies have not covered yet).</summary>
    public Money Balance => Supplied + Surplus - Paid;

    public static MemberAccount Empty(Guid memberId, Guid cooperativeId) => new() { Id = memberId, CooperativeId = cooperativeId };

    public MemberAccount Copy() => new()
    {
        Id = Id, CooperativeId = CooperativeId, Supplied = Supplied, Paid = Paid, Surplus = Surplus, LastSupply = LastSupply,
        Supplies = new(Supplies), Reversed = new(Reversed),
    };

    public void Apply(SupplyRecorded e)
    {
        CooperativeId = e.CooperativeId;
        Supplied += e.Amount;
        Supplies[e.SupplyId] = e.Reverses is not null;
        if (e.Reverses is { } reversed) Reversed[reversed] = e.SupplyId;
        else if (LastSupply is null || e.Date > LastSupply) LastSupply = e.Date;
    }

    public void Apply(MemberPaid e)
    {
        CooperativeId = e.CooperativeId;
        Paid += e.Amount;
    }

    public void Apply(SurplusShareCredited e)
    {
        CooperativeId = e.CooperativeId;
        Surplus += e.Amount;
    }

    public void Then(object e)
    {
        switch (e)
        {
            case SupplyRecorded s: Apply(s); break;
            case MemberPaid p: Apply(p); break;
            case SurplusShareCredited c: Apply(c); break;
        }
    }
}
