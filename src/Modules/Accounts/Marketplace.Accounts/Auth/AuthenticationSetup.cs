using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Accounts.Auth;

/// <summary>
/// Bearer tokens for the API, a cookie for the web pages; one "smart" scheme picks by the Authorization header.
/// Both are signed, so any Host serves any request; each is checked against its account's stamp (<see cref="SessionCheck"/>).
/// </summary>
internal static class AuthenticationSetup
{
    public const string Smart = "smart";
    public const string CookieName = "mp.auth";

    public static IServiceCollection AddMarketplaceAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache().AddSingleton<SessionCheck>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Bearer or cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.Events.OnRedirectToLogin = context => ApiAnswers(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAnswers(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionCheck.OnValidatePrincipal;
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeys, IOptions<AuthOptions>>((o, keys, auth) =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents { OnTokenValidated = SessionCheck.OnTokenValidated };
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = AccessTokens.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Current],
                    NameClaimType = Identity.NameClaim,
                    RoleClaimType = Identity.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Identity.Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Identity.Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Identity.Roles.Admin));
        return services;
    }

    /// <summary>A browser asking for a page is sent to the sign-in page; API and other callers get the status code.</summary>
    private static Task ApiAnswers(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var wantsPage = !context.Request.Path.StartsWithSegments("/api")
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (wantsPage) context.Response.Redirect(context.RedirectUri);
        else context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
