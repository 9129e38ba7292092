using JasperFx;
using Marketplace.BuildingBlocks;
using Marten;

namespace Marketplace.Accounts.Domain;

/// <summary>
/// Checks an e-mail and password, for tokens and cookies alike: 5 failures in 15 minutes lock the account for
/// 15 minutes (429 meanwhile); a wrong password and an unknown account are the same 401, in the same time.
/// </summary>
internal sealed class CredentialCheck(IAccountsStore store, Passwords passwords, TimeProvider clock)
{
    private static Unauthenticated WrongCredentials() => new("The e-mail or the password is wrong.");

    public async Task<UserAccount> VerifyAsync(string email, string password, CancellationToken ct)
    {
        email = UserAccount.NormaliseEmail(email);
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var user = await session.Query<UserAccount>().SingleOrDefaultAsync(u => u.Email == email, ct);
            if (user is null)
            {
                passwords.Verify(new UserAccount { PasswordHash = Passwords.DummyHash }, password);
                throw WrongCredentials();
            }
            var now = clock.GetUtcNow();
            if (user.IsLockedAt(now))
                throw new TooManyAttempts("Too many failed sign-ins: this account is locked for a while.", user.LockedUntil!.Value - now);
            var ok = passwords.Verify(user, password);
            if (ok && user.RecentFailures.Count == 0) return user;
            if (ok) user.RecordSuccess(); else user.RecordFailure(now);
            session.Update(user);
            try { await session.SaveChangesAsync(ct); }
            catch (ConcurrencyException) when (attempt < 5) { continue; } // a concurrent sign-in changed the counters
            return ok ? user : throw WrongCredentials();
        }
    }
}
