using Marketplace.BuildingBlocks;

namespace Marketplace.Economy.Domain;

internal sealed record Decision(string Text, int For, int Against, int Abstain, bool Adopted);

/// <summary>A general assembly as staff recorded it, with its quorum computed from the members on its date.</summary>
[EventName("economy.assembly_held")]
internal sealed record AssemblyHeld(Guid AssemblyId, Guid CooperativeId, DateOnly Date, string Kind, int FinancialYear,
    IReadOnlyList<Guid> Present, IReadOnlyList<Guid> Represented, int MembersOnDate, int QuorumRequired, bool QuorumMet,
    IReadOnlyList<Decision> Decisions, string? Minutes, Guid By, DateTimeOffset At) : IDomainEvent;

internal sealed record ShareOfSurplus(Guid MemberId, Money SuppliesValue, Money Amount);

/// <summary>The assembly shared <paramref name="Amount"/> of its financial year's surplus; each member's share is credited in the same transaction.</summary>
[EventName("economy.surplus_shared")]
internal sealed record SurplusShared(Guid AssemblyId, Guid CooperativeId, Money Amount, Money SuppliesValue, IReadOnlyList<ShareOfSurplus> Shares,
    Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>An assembly as its events made it (an inline snapshot, one stream per assembly).</summary>
internal sealed class Assembly
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public DateOnly Date { get; set; }
    public string Kind { get; set; } = "";
    public int FinancialYear { get; set; }
    public List<Guid> Present { get; set; } = [];
    public List<Guid> Represented { get; set; } = [];
    public int MembersOnDate { get; set; }
    public int QuorumRequired { get; set; }
    public bool QuorumMet { get; set; }
    public List<Decision> Decisions { get; set; } = [];
    public string? Minutes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public SurplusShared? Surplus { get; set; }

    public void Apply(AssemblyHeld e)
    {
        (Id, CooperativeId, Date, Kind, FinancialYear, MembersOnDate) = (e.AssemblyId, e.CooperativeId, e.Date, e.Kind, e.FinancialYear, e.MembersOnDate);
        (Present, Represented, QuorumRequired, QuorumMet) = ([.. e.Present], [.. e.Represented], e.QuorumRequired, e.QuorumMet);
        (Decisions, Minutes, RecordedAt) = ([.. e.Decisions], e.Minutes, e.At);
    }

    public void Apply(SurplusShared e) => Surplus = e;
}

/// <summary>Decisions on assemblies. Pure.</summary>
internal static class AssemblyDecisions
{
    /// <summary>Shares <paramref name="amount"/> among the members by their supplies' value in the assembly's financial year.</summary>
    public static SurplusShared ShareSurplus(Assembly assembly, Money amount, IReadOnlyList<(Guid MemberId, decimal SuppliesValue)> supplies,
        Guid by, DateTimeOffset now)
    {
        if (assembly.Kind != AssemblyKinds.Ordinary)
            throw new Unprocessable("The surplus is shared by the annual ordinary assembly, not an extraordinary one.");
        if (!assembly.QuorumMet) throw new Unprocessable("This assembly did not reach its quorum: it cannot share the surplus.");
        if (assembly.Surplus is not null) throw new DomainRuleViolated("surplus_already_shared", "This assembly has already shared its surplus.");
        if (!amount.IsPositive) throw new ValidationFailed("amount", "The surplus to share must be more than zero.");
        var shares = SurplusSplit.Split(amount.Amount, supplies);
        if (shares.Count == 0)
            throw new Unprocessable($"No member supplied anything in {assembly.FinancialYear}: there is nothing to share the surplus by.");
        return new SurplusShared(assembly.Id, assembly.CooperativeId, amount, new Money(shares.Sum(s => s.SuppliesValue), amount.Currency),
            shares.Select(s => new ShareOfSurplus(s.MemberId, new Money(s.SuppliesValue, amount.Currency), new Money(s.Share, amount.Currency))).ToList(),
            by, now);
    }
}
