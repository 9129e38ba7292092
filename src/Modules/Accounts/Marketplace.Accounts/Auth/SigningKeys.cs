using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Accounts.Auth;

/// <summary>The key that signs access tokens, stored once in the database so that every Host shares it (encrypted: <see cref="KeyEncryption"/>).</summary>
internal sealed record SigningKeyDocument(string Id, string Key, DateTimeOffset CreatedAt);

/// <summary>Holds the access-token key: from configuration, else from the database (made at first start).</summary>
internal sealed class SigningKeys(IAccountsStore store, IOptions<AuthOptions> options, KeyEncryption encryption, TimeProvider clock)
{
    private const string DocumentId = "access-tokens";
    private const string What = "access-token signing key";
    private SymmetricSecurityKey? key;

    public SymmetricSecurityKey Current => key ?? throw new InvalidOperationException("Signing key not loaded yet.");

    public async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SigningKey))
        {
            var bytes = Convert.FromBase64String(options.Value.SigningKey);
            if (bytes.Length < 32) throw new InvalidOperationException("Marketplace:Auth:SigningKey needs at least 32 bytes.");
            key = new SymmetricSecurityKey(bytes);
            return;
        }
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<SigningKeyDocument>(DocumentId, ct);
        if (stored is null)
        {
            var made = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            session.Insert(new SigningKeyDocument(DocumentId, encryption.Protect(made), clock.GetUtcNow()));
            try { await session.SaveChangesAsync(ct); }
            catch (JasperFx.DocumentAlreadyExistsException) { /* another Host made it first */ }
            await using var again = store.QuerySession();
            stored = await again.LoadAsync<SigningKeyDocument>(DocumentId, ct);
        }
        var plain = encryption.Unprotect(stored!.Key, What);
        if (encryption.Enabled && !KeyEncryption.IsEncrypted(stored.Key))
        {
            // Stored before a key encryption key was set: written again, encrypted (every Host writes the same key).
            await using var rewrite = store.LightweightSession();
            rewrite.Store(stored with { Key = encryption.Protect(plain) });
            await rewrite.SaveChangesAsync(ct);
        }
        key = new SymmetricSecurityKey(Convert.FromBase64String(plain));
    }
}
