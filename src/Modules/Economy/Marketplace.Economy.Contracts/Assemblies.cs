using MediatR;

namespace Marketplace.Economy.Contracts;

/// <summary>
/// Staff record a general assembly held on <paramref name="Date"/>: who was present and who was represented (members on
/// that day, each once), the decisions with their votes, the minutes. The quorum is computed from the members on that day
/// and the cooperative's rule. <paramref name="FinancialYear"/> (the year before the assembly's by default) is the year whose
/// surplus an ordinary assembly shares.
/// </summary>
public sealed record HoldAssembly(Guid CooperativeId, Guid ActorId, string? Date, string? Kind, IReadOnlyList<Guid>? Present,
    IReadOnlyList<Guid>? Represented, IReadOnlyList<DecisionInput>? Decisions, string? Minutes, int? FinancialYear = null)
    : IRequest<AssemblyRecord>;

public sealed record DecisionInput(string? Text, int? For, int? Against, int? Abstain);

public static class AssemblyKinds
{
    public const string Ordinary = "ordinary", Extraordinary = "extraordinary";
    public static readonly IReadOnlyList<string> All = [Ordinary, Extraordinary];
}

/// <summary>
/// Staff share the surplus of the assembly's financial year among the members pro rata to the value of their supplies in
/// that year; each share reaches her statement on the assembly's date. Once per assembly (a second time is a conflict),
/// ordinary assemblies only.
/// </summary>
public sealed record ShareSurplus(Guid CooperativeId, Guid ActorId, Guid AssemblyId, decimal? Amount) : IRequest<AssemblyRecord>;

/// <summary>The cooperative's assemblies, the latest first (staff).</summary>
public sealed record GetAssemblies(Guid CooperativeId, Guid ViewerId) : IRequest<IReadOnlyList<AssemblyRecord>>;

/// <summary>One assembly, as its record prints (staff).</summary>
public sealed record GetAssembly(Guid CooperativeId, Guid ViewerId, Guid AssemblyId) : IRequest<AssemblyRecord>;

/// <param name="MembersOnDate">members of the cooperative on the assembly's date.</param>
/// <param name="QuorumRequired">present + represented needed under the cooperative's rule.</param>
/// <param name="Surplus">the surplus shared at this assembly, once it was.</param>
public sealed record AssemblyRecord(Guid Id, Guid CooperativeId, DateOnly Date, string Kind, int FinancialYear,
    IReadOnlyList<Attendee> Present, IReadOnlyList<Attendee> Represented, int MembersOnDate, int QuorumRequired, bool QuorumMet,
    IReadOnlyList<DecisionRecord> Decisions, string? Minutes, SurplusRecord? Surplus, DateTimeOffset RecordedAt);

public sealed record Attendee(Guid MemberId, string FullName);

/// <param name="Adopted">the quorum was met and the votes for exceed what the kind of assembly requires.</param>
public sealed record DecisionRecord(string Text, int For, int Against, int Abstain, bool Adopted);

public sealed record SurplusRecord(MoneyValue Amount, MoneyValue SuppliesValue, IReadOnlyList<SurplusShareLine> Shares, DateTimeOffset SharedAt);

public sealed record SurplusShareLine(Guid MemberId, string FullName, MoneyValue SuppliesValue, MoneyValue Amount);
