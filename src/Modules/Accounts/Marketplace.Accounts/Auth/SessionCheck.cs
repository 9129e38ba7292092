using System.Security.Claims;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Accounts.Auth;

/// <summary>What a session is checked against: the account's stamp, suspension and current claims.</summary>
internal sealed record AccountState(string Stamp, bool Suspended, ClaimsIdentity Claims);

/// <summary>
/// Every signed-in request is checked against its account, read at most every <see cref="CacheFor"/> on each Host (and
/// at once on the Host that changed it): a token whose stamp is no longer the account's is refused (401: sign in again),
/// a cookie is re-issued with the account's roles as they are now, and a suspended or removed account's sessions end.
/// So a role change or a suspension takes effect on the user's next request, on every Host within seconds.
/// </summary>
internal sealed class SessionCheck(IAccountsStore store, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public async Task<AccountState?> StateAsync(Guid userId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var session = store.QuerySession();
            return await session.LoadAsync<UserAccount>(userId, ct) is { } user
                ? new AccountState(user.SecurityStamp, user.IsSuspended, AccessTokens.ClaimsFor(user))
                : null;
        });

    /// <summary>After a change on this Host: its next request reads the account again.</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        var state = await StateOf(context.HttpContext, context.Principal);
        if (state is null || state.Suspended || state.Stamp != context.Principal!.FindFirstValue(Identity.StampClaim))
            context.Fail("This session's rights have changed: sign in again.");
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var state = await StateOf(context.HttpContext, context.Principal);
        if (state is null || state.Suspended)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (state.Stamp != context.Principal!.FindFirstValue(Identity.StampClaim))
        {
            context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(state.Claims.Claims, CookieAuthenticationDefaults.AuthenticationScheme,
                Identity.NameClaim, Identity.RoleClaim)));
            context.ShouldRenew = true;
        }
    }

    private static Task<AccountState?> StateOf(Microsoft.AspNetCore.Http.HttpContext http, ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(Identity.SubjectClaim), out var id)
            ? http.RequestServices.GetRequiredService<SessionCheck>().StateAsync(id, http.RequestAborted)
            : Task.FromResult<AccountState?>(null);

    private static (string, Guid) Key(Guid userId) => ("account-session", userId);
}
