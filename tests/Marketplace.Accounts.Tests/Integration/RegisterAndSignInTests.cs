using System.Net.Http.Json;

namespace Marketplace.Accounts.Tests.Integration;

[Collection(AccountsCollection.Name)]
public sealed class RegisterAndSignInTests(AccountsApp app)
{
    [Fact]
    public async Task Given_a_new_email_When_registering_Then_the_shopper_signs_in_and_reads_who_they_are()
    {
        var email = $"Fatima.{Guid.NewGuid():N}@Example.MA";
        var registered = await app.Anonymous().PostJson("/api/accounts/register",
            new { email = $"  {email} ", password = "argan-oil-2026", displayName = "Fatima Ait Lahcen" });
        await registered.ShouldHaveStatus(201);
        var id = (await registered.Json())["id"]!.GetValue<Guid>();

        var login = await app.Anonymous().PostJson("/api/accounts/login", new { email, password = "argan-oil-2026" });
        var token = await (await login.ShouldHaveStatus(200)).Json();
        token["expiresIn"]!.GetValue<int>().Should().Be(3600);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());

        var me = await (await (await client.GetAsync("/api/accounts/me")).ShouldHaveStatus(200)).Json();
        me["id"]!.GetValue<Guid>().Should().Be(id);
        me["email"]!.GetValue<string>().Should().Be(email.ToLowerInvariant());
        me["displayName"]!.GetValue<string>().Should().Be("Fatima Ait Lahcen");
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("shopper");
        me["cooperativeIds"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_registered_email_When_registering_it_again_in_another_case_Then_409_and_one_account()
    {
        var shopper = await app.NewShopperAsync();
        var again = await app.Anonymous().PostJson("/api/accounts/register",
            new { email = shopper.Email.ToUpperInvariant(), password = "another-password", displayName = "Copy" });
        (await again.ShouldBeProblem(409))["code"]!.GetValue<string>().Should().Be("email_taken");
        await (await app.Anonymous().PostJson("/api/accounts/login", new { email = shopper.Email, password = "another-password" }))
            .ShouldBeProblem(401);
    }

    public static TheoryData<string, string[]> BadRegistrations => new()
    {
        { """{"password":"password-1","displayName":"A"}""", ["email"] },
        { """{"email":"not-an-email","password":"password-1","displayName":"A"}""", ["email"] },
        { """{"email":"a@b.ma","password":"short","displayName":"A"}""", ["password"] },
        { """{"email":"a@b.ma","password":"password-1","displayName":"   "}""", ["displayName"] },
        { """{"email":"a@b.ma","password":"password-1"}""", ["displayName"] },
        { """{}""", ["email", "password", "displayName"] },
    };

    [Theory, MemberData(nameof(BadRegistrations))]
    public async Task Given_missing_or_malformed_fields_When_registering_Then_400_with_the_fields_in_error(string body, string[] fields)
    {
        var response = await app.Anonymous().PostAsync("/api/accounts/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationProblem(fields);
    }

    [Theory]
    [InlineData("""{"email": """)]
    [InlineData("""{"email": 12, "password": [], "displayName": {}}""")]
    [InlineData("""[1, 2, 3]""")]
    public async Task Given_malformed_json_When_registering_Then_400_problem_without_internals(string body)
    {
        var response = await app.Anonymous().PostAsync("/api/accounts/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblem(400);
        problem.ToJsonString().Should().NotContain("Marketplace.").And.NotContain("   at ");
    }

    [Fact]
    public async Task Given_a_wrong_password_or_an_unknown_account_When_signing_in_Then_401_with_the_same_message()
    {
        var shopper = await app.NewShopperAsync();
        var wrong = await (await app.Anonymous().PostJson("/api/accounts/login", new { email = shopper.Email, password = "wrong-password" })).ShouldBeProblem(401);
        var unknown = await (await app.Anonymous().PostJson("/api/accounts/login", new { email = $"nobody-{Guid.NewGuid():N}@x.ma", password = "whatever-1" })).ShouldBeProblem(401);
        wrong["detail"]!.GetValue<string>().Should().Be(unknown["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Given_missing_credentials_When_signing_in_Then_400_with_field_errors() =>
        await (await app.Anonymous().PostJson("/api/accounts/login", new { email = "" })).ShouldBeValidationProblem("email", "password");

    [Fact]
    public async Task Given_five_failures_from_an_address_When_signing_in_from_it_even_with_the_right_password_Then_429_for_30_seconds()
    {
        var shopper = await app.NewShopperAsync();
        for (var i = 0; i < 5; i++)
            await (await app.Anonymous().PostJson("/api/accounts/login", new { email = shopper.Email, password = "wrong-password" })).ShouldBeProblem(401);

        var slowed = await app.Anonymous().PostJson("/api/accounts/login", new { email = shopper.Email, password = shopper.Password });

        await slowed.ShouldBeProblem(429);
        slowed.Headers.RetryAfter!.Delta!.Value.Should().BeCloseTo(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
        var other = await app.NewShopperAsync();
        await (await app.Anonymous().PostJson("/api/accounts/login", new { email = other.Email, password = other.Password })).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration_and_has_the_admin_role()
    {
        var admin = await app.AdminAsync();
        var me = await (await admin.Client.GetAsync("/api/accounts/me")).Json();
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("admin");
        me["email"]!.GetValue<string>().Should().Be(MarketplaceApp.AdminEmail);
    }
}
