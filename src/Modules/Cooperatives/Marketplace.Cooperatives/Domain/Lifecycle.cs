using Marketplace.BuildingBlocks;

namespace Marketplace.Cooperatives.Domain;

/// <summary>
/// The lifecycle decisions: pending -> verified (an administrator) -> suspended -> reinstated (verified again).
/// Any other change of status is a 409. Pure functions: state and input in, events out.
/// </summary>
internal static class Lifecycle
{
    public static IReadOnlyList<object> Verify(Cooperative c, Guid adminId, DateTimeOffset now) =>
        c.Status == Status.Pending ? [new CooperativeVerified(c.Id, adminId, now)] : throw Illegal(c, Status.Verified, "verified");

    public static IReadOnlyList<object> Suspend(Cooperative c, Guid adminId, string? reason, DateTimeOffset now) =>
        c.Status == Status.Verified ? [new CooperativeSuspended(c.Id, reason, adminId, now)] : throw Illegal(c, Status.Suspended, "suspended");

    public static IReadOnlyList<object> Reinstate(Cooperative c, Guid adminId, DateTimeOffset now) =>
        c.Status == Status.Suspended ? [new CooperativeReinstated(c.Id, adminId, now)] : throw Illegal(c, Status.Verified, "reinstated");

    private static DomainRuleViolated Illegal(Cooperative c, Status to, string verb) =>
        new("illegal_status_change", $"A {Cooperative.Names.Of(c.Status)} cooperative cannot be {verb}.")
        {
            Details = new Dictionary<string, object?> { ["from"] = Cooperative.Names.Of(c.Status), ["to"] = Cooperative.Names.Of(to) },
        };
}

/// <summary>Who may do what for a cooperative (administrators are checked by the routes: a role of the platform).</summary>
internal static class Access
{
    public static void RequireOwner(Cooperative c, Guid userId)
    {
        if (!c.IsOwner(userId)) throw new Forbidden("Only the cooperative's owner can do this.");
    }

    public static void RequireStaff(Cooperative c, Guid userId)
    {
        if (!c.IsStaff(userId)) throw new Forbidden("Only the cooperative's staff can do this.");
    }

    public static void RequireStaffOrAdmin(Cooperative c, Guid userId, bool isAdmin)
    {
        if (!isAdmin && !c.IsStaff(userId)) throw new Forbidden("Only the cooperative's staff and administrators can see this.");
    }

    public static void RequireOwnerOrAdmin(Cooperative c, Guid userId, bool isAdmin)
    {
        if (!isAdmin && !c.IsOwner(userId)) throw new Forbidden("Only the cooperative's owner and administrators can see this.");
    }

    /// <summary>A verified cooperative is public; a pending or suspended one only to its staff and administrators.</summary>
    public static bool CanSee(Cooperative c, Guid? viewerId, bool isAdmin) =>
        c.Status == Status.Verified || isAdmin || (viewerId is { } id && c.IsStaff(id));
}
