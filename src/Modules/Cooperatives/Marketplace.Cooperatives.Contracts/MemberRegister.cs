using MediatR;

namespace Marketplace.Cooperatives.Contracts;

// The members' register as the members' economy (supplies, payments, assemblies) reads it. No access check here: the
// asking module decides who may see what it shows (staff of the cooperative, the member herself).

/// <summary>Every member the cooperative ever had (those who left too); null when the cooperative does not exist.</summary>
public sealed record GetMemberRegister(Guid CooperativeId) : IRequest<MemberRegister?>;

/// <param name="Name">the cooperative's name by language.</param>
public sealed record MemberRegister(Guid CooperativeId, IReadOnlyDictionary<string, string> Name, IReadOnlyList<RegisteredMember> Members)
{
    public RegisteredMember? Find(Guid memberId) => Members.FirstOrDefault(m => m.Id == memberId);

    /// <summary>Members on <paramref name="day"/>: joined on or before it, not left by then.</summary>
    public IReadOnlyList<RegisteredMember> On(DateOnly day) => Members.Where(m => m.IsMemberOn(day)).ToList();
}

/// <param name="UserId">her platform account (she reads her own statement with it), or null.</param>
public sealed record RegisteredMember(Guid Id, string FullName, string Role, DateOnly JoinedOn, DateOnly? LeftOn, string? Gender,
    int Shares, string? Phone, Guid? UserId)
{
    public bool IsMemberOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn > day);
}

/// <summary>The memberships of a platform account (the cooperatives where a member is linked to it).</summary>
public sealed record GetMembershipsOfUser(Guid UserId) : IRequest<IReadOnlyList<Membership>>;

public sealed record Membership(Guid CooperativeId, IReadOnlyDictionary<string, string> CooperativeName, Guid MemberId, string FullName);

/// <summary>
/// Which of these cooperatives women lead: as the cooperative declared it, or else as its board shows it (a woman holds
/// the presidency, or women hold most of the board's offices: president, vice-president, treasurer, secretary, among
/// current members).
/// </summary>
public sealed record GetWomenLedCooperatives(IReadOnlyList<Guid> CooperativeIds) : IRequest<IReadOnlySet<Guid>>;

/// <summary>Whether women lead the cooperative, and why (its staff and administrators; NotFound / Forbidden otherwise).</summary>
public sealed record GetWomenLed(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin = false) : IRequest<WomenLed>;

/// <summary>The owner declares that women lead the cooperative (true), that they do not (false), or leaves it to the board's register (null).</summary>
public sealed record DeclareWomenLed(Guid CooperativeId, Guid OwnerId, bool? WomenLed) : IRequest<WomenLed>;

/// <param name="Declared">as the cooperative declared it; null when it did not.</param>
/// <param name="FromBoard">as its board's register shows it.</param>
/// <param name="IsWomenLed">the declaration when there is one, else the board's.</param>
public sealed record WomenLed(bool? Declared, bool FromBoard, bool IsWomenLed);
