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

    /// <summary>Who the user is and their platform roles. Cooperative staff rights are not here: they are asked of Cooperatives.</summary>
    public static ClaimsIdentity ClaimsFor(UserAccount user, string authenticationType = "Bearer")
    {
        var identity = new ClaimsIdentity(authenticationType, Identity.NameClaim, Identity.RoleClaim);
        identity.AddClaim(new Claim(Identity.SubjectClaim, user.Id.ToString()));
        identity.AddClaim(new Claim(Identity.EmailClaim, user.Email));
        identity.AddClaim(new Claim(Identity.NameClaim, user.DisplayName));
        foreach (var role in user.Roles) identity.AddClaim(new Claim(Identity.RoleClaim, role));
        return identity;
    }
}
