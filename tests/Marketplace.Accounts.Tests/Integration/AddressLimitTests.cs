namespace Marketplace.Accounts.Tests.Integration;

/// <summary>The per-address limits of one Host (across Hosts and addresses: Reliability's ProxyTests).</summary>
public sealed class AddressLimitTests(AddressLimitTests.LimitedApp app) : IClassFixture<AddressLimitTests.LimitedApp>
{
    public sealed class LimitedApp : MarketplaceApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Marketplace:RateLimits:SignInPerMinutePerAddress"] = "3";
            settings["Marketplace:RateLimits:RegisterPerMinutePerAddress"] = "2";
        }
    }

    [Fact]
    public async Task Given_a_limit_of_3_a_minute_per_address_When_a_4th_sign_in_comes_Then_429_problem()
    {
        for (var i = 0; i < 3; i++)
            await (await app.Anonymous().PostJson("/api/accounts/login", new { email = $"u{i}@x.ma", password = "wrong-pass" })).ShouldBeProblem(401);
        var limited = await app.Anonymous().PostJson("/api/accounts/login", new { email = MarketplaceApp.AdminEmail, password = MarketplaceApp.AdminPassword });
        await limited.ShouldBeProblem(429);
        limited.Headers.RetryAfter!.Delta!.Value.Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Given_a_limit_of_2_registrations_a_minute_per_address_When_a_3rd_comes_Then_429_and_no_account()
    {
        object Body(string email) => new { email, password = "a-good-password", displayName = "Amina" };
        var emails = Enumerable.Range(0, 3).Select(i => $"reg-{i}-{Guid.NewGuid():N}@x.ma").ToList();
        await (await app.Anonymous().PostJson("/api/accounts/register", Body(emails[0]))).ShouldHaveStatus(201);
        await (await app.Anonymous().PostJson("/api/accounts/register", Body(emails[1]))).ShouldHaveStatus(201);

        var limited = await app.Anonymous().PostJson("/api/accounts/register", Body(emails[2]));

        await limited.ShouldBeProblem(429);
        limited.Headers.RetryAfter.Should().NotBeNull();
        await using var connection = new Npgsql.NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        async Task<long> Accounts(string email)
        {
            await using var count = new Npgsql.NpgsqlCommand("select count(*) from accounts.mt_doc_useraccount where data->>'email' = $1", connection)
                { Parameters = { new() { Value = email } } };
            return (long)(await count.ExecuteScalarAsync())!;
        }
        (await Accounts(emails[0])).Should().Be(1);
        (await Accounts(emails[2])).Should().Be(0);
    }
}
