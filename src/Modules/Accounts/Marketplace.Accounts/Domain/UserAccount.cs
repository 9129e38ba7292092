using Marketplace.BuildingBlocks;

namespace Marketplace.Accounts.Domain;

/// <summary>A person who signs in: a shopper, a cooperative's staff, an administrator. A plain document.</summary>
internal sealed class UserAccount
{
    public static readonly string[] PlatformRoles = [Identity.Roles.Shopper, Identity.Roles.Admin];

    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [Identity.Roles.Shopper];
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Set while an administrator has suspended the account: it cannot sign in, and its sessions end.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>
    /// Changes whenever what a session of this account may do changes (roles, suspension). Tokens and cookies carry the
    /// stamp they were issued with; a request whose stamp is not the account's is not served on the old rights.
    /// </summary>
    public string SecurityStamp { get; set; } = ""; // "" until the first change: stable for accounts stored before stamps existed

    /// <summary>The language the user reads the platform in (their e-mails are written in it): set at registration from the
    /// page's language, changed in the account's settings. Null for accounts stored before it existed: French.</summary>
    public string? Language { get; set; }

    /// <summary>The user accepts marketing e-mails: off until they turn it on (law 09-08 asks for consent); service e-mails
    /// (orders, deliveries, payouts) are always sent.</summary>
    public bool Marketing { get; set; }

    public string LanguageOrDefault => Language ?? BuildingBlocks.Language.Default;

    public bool IsSuspended => SuspendedAt is not null;

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public static string NewStamp() => Guid.NewGuid().ToString("N");
}
