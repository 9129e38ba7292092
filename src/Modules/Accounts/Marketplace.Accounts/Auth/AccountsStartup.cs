using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts.Auth;

/// <summary>At start, before the server listens: load the token key (warning when keys are kept unencrypted) and make sure the first administrator exists.</summary>
internal sealed class AccountsStartup(SigningKeys keys, KeyEncryption encryption, IAccountsStore store, Passwords passwords,
    IOptions<AdminOptions> admin, TimeProvider clock, ILogger<AccountsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!encryption.Enabled)
            logger.LogWarning("Marketplace:Auth:KeyEncryptionKey is not set: the token signing key and the cookie keys are stored unencrypted " +
                "in the database, and whoever reads a copy of it can sign in as anyone. Set it (openssl rand -base64 32) on every Host.");
        await keys.LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(admin.Value.Email)) return;
        try { await EnsureAdministratorAsync(admin.Value, ct); }
        catch (Exception ex) when (ex.IsUniqueViolation()) { /* another Host created it at the same moment */ }
    }

    /// <summary>The configured administrator exists, has the role, and signs in with the configured password.</summary>
    private async Task EnsureAdministratorAsync(AdminOptions options, CancellationToken ct)
    {
        var email = UserAccount.NormaliseEmail(options.Email!);
        await using var session = store.LightweightSession();
        var user = await session.Query<UserAccount>().SingleOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            user = new UserAccount { Id = Guid.CreateVersion7(), Email = email, DisplayName = options.DisplayName, RegisteredAt = clock.GetUtcNow() };
            logger.LogInformation("Creating the first administrator {Email}", email);
        }
        else if (user.Roles.Contains(Identity.Roles.Admin) && passwords.Verify(user, options.Password!)) return;
        if (!user.Roles.Contains(Identity.Roles.Admin)) user.Roles.Add(Identity.Roles.Admin);
        user.PasswordHash = passwords.Hash(user, options.Password!);
        session.Store(user);
        await session.SaveChangesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
