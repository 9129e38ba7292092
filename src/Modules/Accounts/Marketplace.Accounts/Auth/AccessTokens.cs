using System.Security.Claims;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Accounts.Auth;

/// <summary>Issues signed bearer tokens (HS256 JWT) and builds the claims that tokens and cookies carry.</summary>
internal sealed class AccessTokens(SigningKeys keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Audience = "marketplace-api";

    public (string Token, int ExpiresIn) Issue(UserAccount user)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = ClaimsFor(user),
            Issuer = options.Value.Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)lifetime.TotalSeconds);
    }

    public static ClaimsIdentity ClaimsFor(UserAccount user) =>
        Identity.ClaimsOf(user.Id, user.Email, user.DisplayName, user.Roles, user.SecurityStamp, "Bearer");
}
