using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts.Auth;

/// <summary>
/// Encrypts the keys the platform keeps in its database (the access-token signing key, the Data Protection keys that
/// protect cookies) with Marketplace:Auth:KeyEncryptionKey (AES-256-GCM), so that a copy of the database (a leaked backup)
/// does not let anyone forge an administrator's token or cookie. A value stored before the key was set is read as it is
/// and written again encrypted. Without the key, an encrypted value is refused: the Host stops with a clear message.
/// </summary>
internal sealed class KeyEncryption(IOptions<AuthOptions> options)
{
    private const string Prefix = "aes-256-gcm:";
    private readonly byte[]? key = options.Value.KeyEncryptionKey is { Length: > 0 } k ? Convert.FromBase64String(k) : null;

    public bool Enabled => key is not null;

    public static bool IsEncrypted(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The value as it is stored: encrypted when a key is configured, else as it is.</summary>
    public string Protect(string plaintext)
    {
        if (key is null) return plaintext;
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12)); // nonce | tag | ciphertext
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(sealedBytes.AsSpan(0, 12), plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext of a stored value (one stored unencrypted is answered as it is).</summary>
    public string Unprotect(string stored, string what)
    {
        if (!IsEncrypted(stored)) return stored;
        if (key is null)
            throw new InvalidOperationException($"The {what} in the database is encrypted: set Marketplace:Auth:KeyEncryptionKey to the key it was encrypted with.");
        var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        if (sealedBytes.Length < 28) throw new InvalidOperationException($"The {what} in the database is not a value this platform encrypted.");
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        try { aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain); }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException($"The {what} in the database was encrypted with another Marketplace:Auth:KeyEncryptionKey.");
        }
        return Encoding.UTF8.GetString(plain);
    }
}
