using System.Net;
using System.Security.Claims;

namespace Marketplace.BuildingBlocks;

/// <summary>Claim types, role names and policy names shared by the modules' endpoints.</summary>
public static class Identity
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string EmailClaim = "email";
    public const string NameClaim = "name";
    /// <summary>The account's security stamp when the session began: a session whose stamp is no longer the account's is not served on it.</summary>
    public const string StampClaim = "stamp";

    public static class Roles
    {
        public const string Shopper = "shopper";
        public const string Admin = "admin";
        /// <summary>Not stored in tokens: given in answers when a user works for at least one cooperative.</summary>
        public const string CooperativeStaff = "cooperative_staff";
    }

    public static class Policies
    {
        public const string SignedIn = "signed-in";
        public const string Admin = "admin";
    }

    public static class RateLimits
    {
        public const string Checkout = "checkout";
    }

    /// <summary>The signed-in user's id (the token's subject).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SubjectClaim), out var id) ? id
            : throw new Unauthenticated("Sign in first.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>The signed-in user's id, or null for an anonymous visitor.</summary>
    public static Guid? ViewerId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(SubjectClaim), out var id) ? id : null;

    /// <summary>
    /// The client's address for limits: the connection's (the client's own behind a known proxy). A connection without one
    /// (a Unix socket) counts as one unknown client, never as no client: null is for the platform's own calls (demo data).
    /// </summary>
    public static IPAddress ClientAddress(this Microsoft.AspNetCore.Http.HttpContext http) => http.Connection.RemoteIpAddress ?? IPAddress.IPv6None;

    /// <summary>Who a user is and their platform roles, as tokens and cookies carry them. Cooperative rights are not here.</summary>
    public static ClaimsIdentity ClaimsOf(Guid id, string email, string displayName, IEnumerable<string> roles, string stamp, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, NameClaim, RoleClaim);
        identity.AddClaim(new Claim(SubjectClaim, id.ToString()));
        identity.AddClaim(new Claim(EmailClaim, email));
        identity.AddClaim(new Claim(NameClaim, displayName));
        identity.AddClaim(new Claim(StampClaim, stamp));
        foreach (var role in roles) identity.AddClaim(new Claim(RoleClaim, role));
        return identity;
    }
}
