using System.ComponentModel.DataAnnotations;

namespace Marketplace.Accounts.Auth;

/// <summary>Marketplace:Admin: the first administrator, created (or brought in line) at start.</summary>
internal sealed class AdminOptions : IValidatableObject
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administrator";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(Email) != string.IsNullOrWhiteSpace(Password))
            yield return new("Marketplace:Admin:Email and :Password go together.", [nameof(Email), nameof(Password)]);
        if (!string.IsNullOrWhiteSpace(Email) && !new EmailAddressAttribute().IsValid(Email))
            yield return new("Marketplace:Admin:Email is not an e-mail address.", [nameof(Email)]);
        if (Password is { Length: > 0 and < 8 })
            yield return new("Marketplace:Admin:Password has at least 8 characters.", [nameof(Password)]);
    }
}

/// <summary>Marketplace:Auth: access tokens, and the key that encrypts the keys kept in the database.</summary>
internal sealed class AuthOptions : IValidatableObject
{
    /// <summary>Base64 of 32 random bytes (openssl rand -base64 32). Unset: the keys in the database are not encrypted (a warning at start).</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Base64 of at least 32 random bytes. Unset: a key kept in the database, shared by every Host.</summary>
    public string? SigningKey { get; set; }

    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 60;

    public string Issuer { get; set; } = "souss-massa-marketplace";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (KeyEncryptionKey is { Length: > 0 } key && !(Convert.TryFromBase64String(key, new byte[key.Length], out var length) && length == 32))
            yield return new("Marketplace:Auth:KeyEncryptionKey is the base64 of 32 random bytes (openssl rand -base64 32).", [nameof(KeyEncryptionKey)]);
    }
}
