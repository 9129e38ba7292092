using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Accounts.Tests.Integration;

[Collection(AccountsCollection.Name)]
public sealed class AccessTokenTests(AccountsApp app)
{
    private static string Token(byte[] key, DateTime expires, string role = "shopper", Guid? subject = null, string? stamp = "") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(new[] { new Claim("sub", (subject ?? Guid.NewGuid()).ToString()), new Claim("role", role) }
                .Concat(stamp is null ? [] : [new Claim("stamp", stamp)])),
            Issuer = "souss-massa-marketplace",
            Audience = "marketplace-api",
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });

    private async Task<HttpResponseMessage> MeWith(string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await client.GetAsync("/api/accounts/me");
    }

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string StampOf(TestUser user) =>
        new JsonWebToken(user.Client.DefaultRequestHeaders.Authorization!.Parameter!).GetClaim("stamp").Value;

    [Fact]
    public async Task Given_a_token_signed_with_the_platform_key_and_the_accounts_stamp_Then_me_answers()
    {
        var shopper = await app.NewShopperAsync();
        await (await MeWith(Token(AccountsApp.SigningKey, DateTime.UtcNow.AddMinutes(10), subject: shopper.Id, stamp: StampOf(shopper)))).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task Given_a_token_signed_with_the_platform_key_but_another_stamp_or_none_Then_401()
    {
        var shopper = await app.NewShopperAsync();
        await (await MeWith(Token(AccountsApp.SigningKey, DateTime.UtcNow.AddMinutes(10), subject: shopper.Id, stamp: "0123"))).ShouldBeProblem(401);
        await (await MeWith(Token(AccountsApp.SigningKey, DateTime.UtcNow.AddMinutes(10), subject: shopper.Id, stamp: null))).ShouldBeProblem(401);
    }

    [Fact]
    public async Task Given_no_token_Then_401_problem() =>
        await (await app.Anonymous().GetAsync("/api/accounts/me")).ShouldBeProblem(401);

    [Fact]
    public async Task Given_an_expired_token_Then_401() =>
        await (await MeWith(Token(AccountsApp.SigningKey, DateTime.UtcNow.AddMinutes(-5)))).ShouldBeProblem(401);

    [Fact]
    public async Task Given_a_token_signed_with_another_key_Then_401() =>
        await (await MeWith(Token(new byte[48], DateTime.UtcNow.AddMinutes(10)))).ShouldBeProblem(401);

    [Fact]
    public async Task Given_an_unsigned_token_with_alg_none_Then_401()
    {
        var payload = $$"""{"sub":"{{Guid.NewGuid()}}","role":"admin","iss":"souss-massa-marketplace","aud":"marketplace-api","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""";
        await (await MeWith($"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64(payload)}.")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task Given_a_real_token_whose_payload_was_changed_to_admin_Then_401()
    {
        var shopper = await app.NewShopperAsync();
        var parts = shopper.Client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"shopper\"", "\"admin\"");
        await (await MeWith($"{parts[0]}.{B64(payload)}.{parts[2]}")).ShouldBeProblem(401);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task Given_a_garbage_token_Then_401(string token) => await (await MeWith(token)).ShouldBeProblem(401);

    [Fact]
    public async Task Given_a_shopper_token_When_calling_an_admin_route_Then_403()
    {
        var shopper = await app.NewShopperAsync();
        await (await shopper.Client.GetAsync("/api/admin/outbox/undelivered")).ShouldBeProblem(403);
    }
}
