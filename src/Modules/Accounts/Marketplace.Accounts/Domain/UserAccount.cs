using Marketplace.BuildingBlocks;

namespace Marketplace.Accounts.Domain;

/// <summary>A person who signs in: a shopper, a cooperative's staff, an administrator. A plain document.</summary>
internal sealed class UserAccount
{
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);
    public const int MaxFailures = 5;

    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [Identity.Roles.Shopper];
    public List<DateTimeOffset> RecentFailures { get; set; } = [];
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>A failed sign-in: after <see cref="MaxFailures"/> in <see cref="FailureWindow"/>, lock the account.</summary>
    public void RecordFailure(DateTimeOffset now)
    {
        RecentFailures = RecentFailures.Where(t => now - t < FailureWindow).Append(now).ToList();
        if (RecentFailures.Count >= MaxFailures)
        {
            LockedUntil = now + LockDuration;
            RecentFailures.Clear();
        }
    }

    public void RecordSuccess()
    {
        RecentFailures.Clear();
        LockedUntil = null;
    }
}
