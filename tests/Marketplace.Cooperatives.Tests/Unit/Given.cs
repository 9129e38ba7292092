using Marketplace.Cooperatives.Domain;

namespace Marketplace.Cooperatives.Tests.Unit;

/// <summary>Streams of events to start decisions from: no database, the one evolve function.</summary>
internal static class Given
{
    public static readonly Guid Owner = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    public static readonly Guid Admin = Guid.Parse("0199a000-0000-7000-8000-000000000002");
    public static readonly Guid Staff = Guid.Parse("0199a000-0000-7000-8000-000000000003");
    public static readonly Guid Stranger = Guid.Parse("0199a000-0000-7000-8000-000000000004");
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static CooperativeApplied Applied(Guid id) => new(id, Owner, new() { ["fr"] = "Coopérative Tifaout" }, [], "RC-1234",
        "taroudant", ["argan"], "contact@tifaout.ma", "+212612345678", Now.AddDays(-10));

    public static Cooperative Pending(params object[] more) => Stream(more);
    public static Cooperative Verified(params object[] more) => Stream([new CooperativeVerified(Id, Admin, Now.AddDays(-9)), .. more]);
    public static Cooperative Suspended(params object[] more) =>
        Verified([new CooperativeSuspended(Id, "unpaid commission", Admin, Now.AddDays(-8)), .. more]);

    public static readonly Guid Id = Guid.Parse("0199a000-0000-7000-8000-0000000000c0");

    private static Cooperative Stream(IEnumerable<object> more) => Cooperative.Fold([Applied(Id), .. more]);
}
