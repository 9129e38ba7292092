using FluentValidation;
using JasperFx;
using Marketplace.Accounts.Auth;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Accounts.Features;

internal sealed record Login(string? Email, string? Password) : IRequest<Login.SignedIn>
{
    internal sealed record SignedIn(string AccessToken, int ExpiresIn, string TokenType, UserAccount User);
}

internal sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

/// <summary>Checks a password; 5 failures in 15 minutes lock the account for 15 minutes (429 meanwhile).</summary>
internal sealed class LoginHandler(IAccountsStore store, Passwords passwords, AccessTokens tokens, TimeProvider clock)
    : IRequestHandler<Login, Login.SignedIn>
{
    private static Unauthenticated WrongCredentials() => new("The e-mail or the password is wrong.");

    public async Task<Login.SignedIn> Handle(Login cmd, CancellationToken ct)
    {
        var email = UserAccount.NormaliseEmail(cmd.Email!);
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var user = await session.Query<UserAccount>().SingleOrDefaultAsync(u => u.Email == email, ct);
            if (user is null)
            {
                passwords.Verify(new UserAccount { PasswordHash = Passwords.DummyHash }, cmd.Password!); // same time either way
                throw WrongCredentials();
            }
            var now = clock.GetUtcNow();
            if (user.IsLockedAt(now))
                throw new TooManyAttempts("Too many failed sign-ins: this account is locked for a while.", user.LockedUntil!.Value - now);
            var ok = passwords.Verify(user, cmd.Password!);
            if (ok && user.RecentFailures.Count == 0)
                return SignIn(user);
            if (ok) user.RecordSuccess(); else user.RecordFailure(now);
            session.Update(user);
            try { await session.SaveChangesAsync(ct); }
            catch (ConcurrencyException) when (attempt < 5) { continue; } // a concurrent sign-in changed the counters
            return ok ? SignIn(user) : throw WrongCredentials();
        }
    }

    private Login.SignedIn SignIn(UserAccount user)
    {
        var (token, expiresIn) = tokens.Issue(user);
        return new Login.SignedIn(token, expiresIn, "Bearer", user);
    }
}

internal static class LoginEndpoint
{
    internal sealed record Token(string AccessToken, int ExpiresIn, string TokenType);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/login",
            async (Login body, IMediator mediator, CancellationToken ct) =>
            {
                var signedIn = await mediator.Send(body, ct);
                return TypedResults.Ok(new Token(signedIn.AccessToken, signedIn.ExpiresIn, signedIn.TokenType));
            })
        .AllowAnonymous()
        .RequireRateLimiting(Identity.RateLimits.SignIn)
        .WithSummary("Sign in: a bearer access token");
}
