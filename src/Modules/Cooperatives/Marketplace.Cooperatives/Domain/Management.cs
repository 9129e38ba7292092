using Marketplace.BuildingBlocks;

namespace Marketplace.Cooperatives.Domain;

/// <param name="UserId">the member's platform account, found by its e-mail <paramref name="UserEmail"/>.</param>
internal sealed record MemberDetails(string FullName, string Role, DateOnly JoinedOn, string? Gender, int? SharesSubscribed,
    string? Phone = null, Guid? UserId = null, string? UserEmail = null);

/// <summary>Decisions on staff, members, delivery fee and payout account. Pure: state and input in, events out.</summary>
internal static class Management
{
    public static readonly TimeSpan PayoutHold = TimeSpan.FromHours(48);

    /// <summary>Roles of the board that one current member holds at most.</summary>
    public static readonly string[] Offices = [MemberRoles.President, MemberRoles.VicePresident, MemberRoles.Treasurer, MemberRoles.Secretary];

    public static IReadOnlyList<object> AddStaff(Cooperative c, Guid ownerId, Guid userId, string email, DateTimeOffset now)
    {
        Access.RequireOwner(c, ownerId);
        if (c.IsStaff(userId)) throw new DomainRuleViolated("already_staff", "This user already works for the cooperative.");
        return [new StaffAdded(c.Id, userId, email, ownerId, now)];
    }

    public static IReadOnlyList<object> RemoveStaff(Cooperative c, Guid ownerId, Guid userId, DateTimeOffset now)
    {
        Access.RequireOwner(c, ownerId);
        if (c.IsOwner(userId)) throw new DomainRuleViolated("owner_cannot_be_removed", "The owner cannot be removed from the staff.");
        if (!c.IsStaff(userId)) throw new NotFound("The staff member");
        return [new StaffRemoved(c.Id, userId, ownerId, now)];
    }

    public static IReadOnlyList<object> AddMember(Cooperative c, Guid actorId, Guid memberId, MemberDetails m, DateTimeOffset now)
    {
        Access.RequireStaff(c, actorId);
        RequireOfficeFree(c, m.Role, memberId);
        RequireAccountFree(c, m.UserId, memberId);
        return [new MemberAdded(c.Id, memberId, m.FullName, m.Role, m.JoinedOn, m.Gender, m.SharesSubscribed, actorId, now, m.Phone, m.UserId, m.UserEmail)];
    }

    public static IReadOnlyList<object> UpdateMember(Cooperative c, Guid actorId, Guid memberId, MemberDetails m, DateTimeOffset now)
    {
        Access.RequireStaff(c, actorId);
        var member = FindMember(c, memberId);
        if (member.IsCurrent) RequireOfficeFree(c, m.Role, memberId);
        if (member.LeftOn is { } left && m.JoinedOn > left) throw new ValidationFailed("joinedOn", "joinedOn cannot be after the day the member left.");
        RequireAccountFree(c, m.UserId, memberId);
        return [new MemberUpdated(c.Id, memberId, m.FullName, m.Role, m.JoinedOn, m.Gender, m.SharesSubscribed, actorId, now, m.Phone, m.UserId, m.UserEmail)];
    }

    public static IReadOnlyList<object> MemberLeaves(Cooperative c, Guid actorId, Guid memberId, DateOnly leftOn, DateTimeOffset now)
    {
        Access.RequireStaff(c, actorId);
        var member = FindMember(c, memberId);
        if (!member.IsCurrent) throw new DomainRuleViolated("member_already_left", "This member has already left the cooperative.");
        if (leftOn < member.JoinedOn) throw new ValidationFailed("leftOn", "leftOn cannot be before the day the member joined.");
        return [new MemberLeft(c.Id, memberId, leftOn, actorId, now)];
    }

    public static IReadOnlyList<object> SetShipping(Cooperative c, Guid actorId, Money flatFee, Money? freeAbove, DateTimeOffset now)
    {
        Access.RequireStaff(c, actorId);
        return [new ShippingPolicySet(c.Id, flatFee, freeAbove, actorId, now)];
    }

    /// <summary>The first account takes effect at once; a change holds payouts for 48 hours; the same account again changes nothing.</summary>
    public static IReadOnlyList<object> SetPayoutAccount(Cooperative c, Guid ownerId, string method, string? rib, string? stripeAccountId, DateTimeOffset now)
    {
        Access.RequireOwner(c, ownerId);
        if (method == PayoutMethods.BankTransfer && !Rib.IsValid(rib)) throw new ValidationFailed("rib", "A RIB has 24 digits and a valid key.");
        if (method == PayoutMethods.StripeConnect && string.IsNullOrWhiteSpace(stripeAccountId))
            throw new ValidationFailed("stripeAccountId", "A Stripe Connect payout needs the account id (acct_...).");
        if (!PayoutMethods.All.Contains(method)) throw new ValidationFailed("method", $"method is one of {string.Join(", ", PayoutMethods.All)}.");
        if (c.Payout is { } current && current.SameAccountAs(method, rib, stripeAccountId)) return [];
        DateTimeOffset? hold = c.Payout is null ? null : now + PayoutHold;
        return [new PayoutAccountSet(c.Id, method, rib, stripeAccountId, hold, ownerId, now)];
    }

    /// <summary>The owner sets what the cooperative's invoices say; the same identity again changes nothing.</summary>
    public static IReadOnlyList<object> SetTaxIdentity(Cooperative c, Guid ownerId, TaxDetails tax, DateTimeOffset now)
    {
        Access.RequireOwner(c, ownerId);
        if (c.Tax is { } current && current with { SetAt = now } == tax with { SetAt = now }) return [];
        return [new TaxIdentitySet(c.Id, tax.Ice, tax.TaxId, tax.RegisterNumber, tax.Address, tax.VatRate, ownerId, now)];
    }

    /// <summary>One account reads one member's statement in a cooperative.</summary>
    private static void RequireAccountFree(Cooperative c, Guid? userId, Guid memberId)
    {
        if (userId is { } id && c.Members.Any(m => m.UserId == id && m.Id != memberId))
            throw new ValidationFailed("userEmail", "Another member of this cooperative is already linked to this account.");
    }

    private static Member FindMember(Cooperative c, Guid memberId) =>
        c.Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFound("The member");

    private static void RequireOfficeFree(Cooperative c, string role, Guid memberId)
    {
        if (Offices.Contains(role) && c.Members.Any(m => m.IsCurrent && m.Role == role && m.Id != memberId))
            throw new DomainRuleViolated("office_taken", $"The cooperative already has a current {role.Replace('_', '-')}.");
    }
}

internal static class MemberRoles
{
    public const string President = "president";
    public const string VicePresident = "vice_president";
    public const string Treasurer = "treasurer";
    public const string Secretary = "secretary";
    public const string Member = "member";
    public static readonly string[] All = [President, VicePresident, Treasurer, Secretary, Member];

    /// <summary>"Vice-President", "vice president" and "vice_president" are one role.</summary>
    public static string? Normalise(string? role) =>
        role?.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_') is { } r && All.Contains(r) ? r : null;
}

internal static class Genders
{
    public static readonly string[] All = ["female", "male"];
    public static string? Normalise(string? gender) => gender?.Trim().ToLowerInvariant() is { } g && All.Contains(g) ? g : null;
}

internal static class PayoutMethods
{
    public const string BankTransfer = "bank_transfer";
    public const string StripeConnect = "stripe_connect";
    public static readonly string[] All = [BankTransfer, StripeConnect];
}
