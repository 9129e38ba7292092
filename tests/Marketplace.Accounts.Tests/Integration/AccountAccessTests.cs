using System.Net.Http.Json;

namespace Marketplace.Accounts.Tests.Integration;

/// <summary>Administrators change roles and suspend accounts; a session sees the change at its next request.</summary>
[Collection(AccountsCollection.Name)]
public sealed class AccountAccessTests(AccountsApp app)
{
    private static string Users(Guid id, string what) => $"/api/admin/users/{id}/{what}";

    [Fact]
    public async Task Given_a_signed_in_shopper_When_an_administrator_makes_them_one_Then_their_old_token_is_refused_and_a_new_one_is_admin()
    {
        var admin = await app.AdminAsync();
        var shopper = await app.NewShopperAsync();
        await (await shopper.Client.GetAsync("/api/admin/users")).ShouldBeProblem(403);

        var changed = await (await (await admin.Client.PutAsJsonAsync(Users(shopper.Id, "roles"), new { roles = new[] { "admin" } })).ShouldHaveStatus(200)).Json();

        changed["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("shopper", "admin");
        await (await shopper.Client.GetAsync("/api/accounts/me")).ShouldBeProblem(401);
        var again = await app.SignedInClientAsync(shopper.Email, shopper.Password);
        await (await again.GetAsync($"/api/admin/users?q={shopper.Email}")).ShouldHaveStatus(200);

        await (await admin.Client.PutAsJsonAsync(Users(shopper.Id, "roles"), new { roles = new[] { "shopper" } })).ShouldHaveStatus(200);
        await (await again.GetAsync("/api/admin/users")).ShouldBeProblem(401);
        var demoted = await app.SignedInClientAsync(shopper.Email, shopper.Password);
        await (await demoted.GetAsync("/api/admin/users")).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Given_a_suspended_account_Then_its_session_ends_it_cannot_sign_in_and_it_can_after_reinstatement()
    {
        var admin = await app.AdminAsync();
        var shopper = await app.NewShopperAsync();

        var suspended = await (await (await admin.Client.PostJson(Users(shopper.Id, "suspend"))).ShouldHaveStatus(200)).Json();

        suspended["suspended"]!.GetValue<bool>().Should().BeTrue();
        await (await shopper.Client.GetAsync("/api/accounts/me")).ShouldBeProblem(401);
        var refused = await app.Anonymous().PostJson("/api/accounts/login", new { email = shopper.Email, password = shopper.Password });
        (await refused.ShouldBeProblem(403))["detail"]!.GetValue<string>().Should().Contain("suspended");
        var wrong = await app.Anonymous().PostJson("/api/accounts/login", new { email = shopper.Email, password = "not-the-password" });
        await wrong.ShouldBeProblem(401); // who does not know the password does not learn that the account is suspended

        await (await admin.Client.PostJson(Users(shopper.Id, "suspend"))).ShouldHaveStatus(200); // again: the same answer
        await (await admin.Client.PostJson(Users(shopper.Id, "reinstate"))).ShouldHaveStatus(200);
        var back = await app.SignedInClientAsync(shopper.Email, shopper.Password);
        await (await back.GetAsync("/api/accounts/me")).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task An_administrator_can_neither_take_their_own_admin_role_away_nor_suspend_themselves()
    {
        var admin = await app.AdminAsync();

        await (await admin.Client.PutAsJsonAsync(Users(admin.Id, "roles"), new { roles = new[] { "shopper" } })).ShouldBeProblem(409);
        await (await admin.Client.PostJson(Users(admin.Id, "suspend"))).ShouldBeProblem(409);

        await (await admin.Client.GetAsync("/api/accounts/me")).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task Bad_requests_to_manage_accounts_are_refused_and_change_nothing()
    {
        var admin = await app.AdminAsync();
        var shopper = await app.NewShopperAsync();

        await (await admin.Client.PutAsJsonAsync(Users(shopper.Id, "roles"), new { roles = new[] { "superuser" } })).ShouldBeValidationProblem("roles[0]");
        await (await admin.Client.PutAsJsonAsync(Users(shopper.Id, "roles"), new { })).ShouldBeValidationProblem("roles");
        await (await admin.Client.PutAsJsonAsync(Users(Guid.NewGuid(), "roles"), new { roles = new[] { "admin" } })).ShouldBeProblem(404);
        await (await admin.Client.PostJson(Users(Guid.NewGuid(), "suspend"))).ShouldBeProblem(404);
        await (await admin.Client.GetAsync("/api/admin/users?pageSize=500")).ShouldBeValidationProblem("pageSize");
        await (await shopper.Client.PostJson(Users(shopper.Id, "reinstate"))).ShouldBeProblem(403);
        ((int)(await app.Anonymous().GetAsync("/api/admin/users")).StatusCode).Should().Be(401);

        await (await shopper.Client.GetAsync("/api/accounts/me")).ShouldHaveStatus(200);
        var listed = await (await admin.Client.GetAsync($"/api/admin/users?q={Uri.EscapeDataString(shopper.Email.ToUpperInvariant())}")).Json();
        var item = listed["items"]!.AsArray().Should().ContainSingle().Subject!;
        item["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("shopper");
        item["suspended"]!.GetValue<bool>().Should().BeFalse();
    }
}
