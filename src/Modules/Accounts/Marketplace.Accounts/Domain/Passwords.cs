using Microsoft.AspNetCore.Identity;

namespace Marketplace.Accounts.Domain;

/// <summary>ASP.NET Core's password hasher (PBKDF2), behind a name of our own.</summary>
internal sealed class Passwords
{
    private readonly PasswordHasher<UserAccount> hasher = new();

    public string Hash(UserAccount user, string password) => hasher.HashPassword(user, password);

    public bool Verify(UserAccount user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>A hash to verify against when the account does not exist, so both cases take as long.</summary>
    public static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString());
}
