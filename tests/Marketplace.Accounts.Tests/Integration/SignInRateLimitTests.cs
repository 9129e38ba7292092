namespace Marketplace.Accounts.Tests.Integration;

public sealed class SignInRateLimitTests(SignInRateLimitTests.LimitedApp app) : IClassFixture<SignInRateLimitTests.LimitedApp>
{
    public sealed class LimitedApp : MarketplaceApp
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Marketplace:RateLimits:SignInPerMinutePerAddress"] = "3";
    }

    [Fact]
    public async Task Given_a_limit_of_3_a_minute_per_address_When_a_4th_sign_in_comes_Then_429_problem()
    {
        for (var i = 0; i < 3; i++)
            await (await app.Anonymous().PostJson("/api/accounts/login", new { email = $"u{i}@x.ma", password = "wrong-pass" })).ShouldBeProblem(401);
        var limited = await app.Anonymous().PostJson("/api/accounts/login", new { email = MarketplaceApp.AdminEmail, password = MarketplaceApp.AdminPassword });
        await limited.ShouldBeProblem(429);
    }
}
