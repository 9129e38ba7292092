using System.Security.Claims;
using System.Text;
using Marketplace.Reliability.Tests.Suite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// Forged administrator tokens against administrator writes (Accounts' AccessTokenTests try GET /me; these try what a
/// forger wants: running payouts, changing commission): refused with 401 and changing nothing. Cases AccessTokenTests
/// lacks: alg none spelt otherwise, an HS256 header with no signature, another issuer or audience with the right key,
/// not yet valid, an expired and a tampered administrator token. The same token signed properly is accepted (control).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class TokenTests(SuiteApp app)
{
    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string Signed(Guid subject, byte[] key, DateTime? expires = null, string issuer = "souss-massa-marketplace", string audience = "marketplace-api",
        DateTime? notBefore = null, string stamp = "")
    {
        var end = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", subject.ToString()), new Claim("role", "shopper"), new Claim("role", "admin"), new Claim("stamp", stamp)]),
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? end.AddHours(-2),
            IssuedAt = (notBefore ?? end.AddHours(-2)),
            Expires = end,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Unsigned(Guid subject, string alg) =>
        $"{B64($$"""{"alg":"{{alg}}","typ":"JWT"}""")}.{B64($$"""{"sub":"{{subject}}","role":["shopper","admin"],"iss":"souss-massa-marketplace","aud":"marketplace-api","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""")}.";

    /// <summary>The security stamp a real token of this user carries.</summary>
    private static string StampOf(TestUser user) =>
        new JsonWebToken(user.Client.DefaultRequestHeaders.Authorization!.Parameter!).GetClaim("stamp").Value;

    public static async Task<IReadOnlyList<(string What, string Token)>> ForgedAsync(SuiteApp app, Guid adminId)
    {
        var shopper = await app.NewShopperAsync();
        var real = shopper.Client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(real[1]))
            .Replace(shopper.Id.ToString(), adminId.ToString()).Replace("\"shopper\"", "[\"shopper\",\"admin\"]");
        var proper = Signed(adminId, SuiteApp.SigningKey).Split('.');
        return
        [
            ("alg none", Unsigned(adminId, "none")),
            ("alg None", Unsigned(adminId, "None")),
            ("alg NONE", Unsigned(adminId, "NONE")),
            ("HS256 without its signature", $"{proper[0]}.{proper[1]}."),
            ("signed with another key", Signed(adminId, Enumerable.Repeat((byte)42, 48).ToArray())),
            ("another issuer", Signed(adminId, SuiteApp.SigningKey, issuer: "evil")),
            ("another audience", Signed(adminId, SuiteApp.SigningKey, audience: "other-api")),
            ("expired", Signed(adminId, SuiteApp.SigningKey, expires: DateTime.UtcNow.AddMinutes(-10))),
            ("not valid before tomorrow", Signed(adminId, SuiteApp.SigningKey, expires: DateTime.UtcNow.AddDays(2), notBefore: DateTime.UtcNow.AddDays(1))),
            ("a shopper's real token made admin", $"{real[0]}.{B64(payload)}.{real[2]}"),
            ("the signature of another token", $"{proper[0]}.{proper[1]}.{real[2]}"),
        ];
    }

    [Fact]
    public async Task Given_forged_administrator_tokens_When_running_payouts_or_changing_commission_Then_401_problems_and_nothing_changes()
    {
        var admin = await app.AdminAsync();
        var forged = await ForgedAsync(app, admin.Id);
        var before = await app.Snapshot.QuietAsync();
        foreach (var (what, token) in forged)
        {
            foreach (var request in Writes())
            {
                var client = app.Anonymous();
                client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
                await (await client.SendAsync(request)).ShouldBeProblem(401);
            }
            StateSnapshot.Changes(before, await app.Snapshot.TakeAsync()).Should().BeEmpty("a token {0} changes nothing", what);
        }

        var control = app.Anonymous();
        control.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {Signed(admin.Id, SuiteApp.SigningKey, stamp: StampOf(admin))}");
        await (await control.SendAsync(Writes()[0])).ShouldHaveStatus(200);
    }

    private static HttpRequestMessage[] Writes() =>
    [
        Requests.Json("PUT", "/api/admin/commission", new { defaultRate = 0.1m, categoryRates = new Dictionary<string, decimal>() }),
        Requests.Json("POST", "/api/admin/payout-runs", new { periodEnd = Requests.Today }),
        Requests.Get("/api/admin/payouts"),
    ];
}
