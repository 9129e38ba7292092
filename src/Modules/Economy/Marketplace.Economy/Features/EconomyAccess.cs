using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Economy.Features;

/// <summary>
/// Who may see and change a cooperative's members' economy: its staff (owner and staff), and for her own statement the
/// member herself through her linked account. Administrators are neither: they see totals per cooperative only.
/// </summary>
internal sealed class EconomyAccess(IMediator mediator)
{
    /// <summary>The cooperative's register, once the viewer is found to be its staff (NotFound, Forbidden otherwise).</summary>
    public async Task<MemberRegister> StaffAsync(Guid cooperativeId, Guid userId, CancellationToken ct, bool ownerOnly = false)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, userId), ct) ?? throw new NotFound("The cooperative");
        if (!access.IsStaff || (ownerOnly && !access.IsOwner)) throw new Forbidden("Only the cooperative's staff see and record its members' economy.");
        return await mediator.Send(new GetMemberRegister(cooperativeId), ct) ?? throw new NotFound("The cooperative");
    }

    /// <summary>The member, for the cooperative's staff or for herself.</summary>
    public async Task<(MemberRegister Register, RegisteredMember Member)> StaffOrHerselfAsync(Guid cooperativeId, Guid memberId, Guid userId,
        CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, userId), ct) ?? throw new NotFound("The cooperative");
        var register = await mediator.Send(new GetMemberRegister(cooperativeId), ct) ?? throw new NotFound("The cooperative");
        var member = register.Find(memberId);
        if (access.IsStaff) return (register, member ?? throw new NotFound("The member"));
        if (member is null || member.UserId != userId) throw new Forbidden("Only the cooperative's staff and the member herself read her statement.");
        return (register, member);
    }

    public static RegisteredMember Member(MemberRegister register, Guid memberId) => register.Find(memberId) ?? throw new NotFound("The member");
}

/// <summary>Days and amounts as the API writes them.</summary>
internal static class Inputs
{
    public static DateOnly Today(TimeProvider clock) => MoroccoTime.Today(clock);

    public static DateOnly? Day(string? value) => IsoDay.Parse(value);

    /// <summary>A day that is given, valid and not after tomorrow (ValidationFailed on <paramref name="field"/> otherwise).</summary>
    public static DateOnly PastDay(string? value, string field, TimeProvider clock)
    {
        var day = Day(value) ?? throw new ValidationFailed(field, $"{field} is a date: yyyy-MM-dd.");
        if (day > Today(clock).AddDays(1)) throw new ValidationFailed(field, $"{field} cannot be in the future.");
        if (day.Year < 2000) throw new ValidationFailed(field, $"{field} is too far in the past.");
        return day;
    }

    public static decimal? Amount(JsonElement? value, string field) => JsonInput.Amount(value, field);

    public static Contracts.MoneyValue Mad(decimal amount) => new(amount);
}
