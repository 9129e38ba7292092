using System.Net;
using Marketplace.Accounts.Limits;
using Marketplace.BuildingBlocks;
using Marten;

namespace Marketplace.Accounts.Domain;

/// <summary>
/// Checks an e-mail and password, for tokens and cookies alike, under the limits of <see cref="AttemptLimits"/> (429 while
/// an address or an e-mail from that address has to wait). A wrong password and an unknown account are the same 401, in
/// the same time; a suspended account is told so (403) only to who knows its password.
/// </summary>
internal sealed class CredentialCheck(IAccountsStore store, Passwords passwords, AttemptLimits limits)
{
    public async Task<UserAccount> VerifyAsync(string email, string password, IPAddress? address, CancellationToken ct)
    {
        email = UserAccount.NormaliseEmail(email);
        await limits.SignInAsync(address, ct);
        var hadFailures = await limits.CheckFailuresAsync(email, address, ct);
        await using var session = store.QuerySession();
        var user = await session.Query<UserAccount>().SingleOrDefaultAsync(u => u.Email == email, ct);
        if (!passwords.Verify(user ?? new UserAccount { PasswordHash = Passwords.DummyHash }, password) || user is null)
        {
            await limits.FailedAsync(email, address, ct);
            throw new Unauthenticated("The e-mail or the password is wrong.");
        }
        if (hadFailures) await limits.SucceededAsync(email, address, ct);
        if (user.IsSuspended) throw new Forbidden("This account is suspended: contact the marketplace's team.");
        return user;
    }
}
