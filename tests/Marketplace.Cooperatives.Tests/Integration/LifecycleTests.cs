using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Cooperatives.Tests.Integration;

[Collection(CooperativesCollection.Name)]
public sealed class LifecycleTests(CooperativesApp app)
{
    [Fact]
    public async Task Given_a_pending_cooperative_When_an_admin_verifies_suspends_and_reinstates_it_Then_each_answers_the_new_status()
    {
        var (_, id) = await app.PendingAsync();
        var admin = await app.AdminAsync();

        foreach (var (action, status) in new[] { ("verify", "verified"), ("suspend", "suspended"), ("reinstate", "verified") })
        {
            var response = await admin.Client.PostAsync($"/api/admin/cooperatives/{id}/{action}", null); // no body at all
            var body = await (await response.ShouldHaveStatus(200)).Json();
            body["status"]!.GetValue<string>().Should().Be(status);
            body["id"]!.GetValue<Guid>().Should().Be(id);
            (await admin.Client.GetJson($"/api/cooperatives/{id}"))["status"]!.GetValue<string>().Should().Be(status);
        }
    }

    [Fact]
    public async Task Given_lifecycle_changes_Then_the_integration_events_reach_a_receiver_through_the_outbox()
    {
        var (owner, id) = await app.PendingAsync();
        var admin = await app.AdminAsync();
        foreach (var action in new[] { "verify", "suspend", "reinstate" })
            await (await admin.Client.PostJson($"/api/admin/cooperatives/{id}/{action}")).ShouldHaveStatus(200);
        await (await owner.Client.PutJson($"/api/cooperatives/{id}/payout-account", new { method = "bank_transfer", rib = Api.ValidRib })).ShouldHaveStatus(200);

        await Poll.UntilAsync(() => Task.FromResult(app.Received.Of<PayoutAccountChangedIntegrationEvent>().Count(e => e.CooperativeId == id)),
            n => n == 1, what: "the payout account change");
        var mine = await Poll.UntilAsync(() => Task.FromResult(app.Received.All.Where(e => e switch
        {
            CooperativeVerifiedIntegrationEvent v => v.CooperativeId == id,
            CooperativeSuspendedIntegrationEvent s => s.CooperativeId == id,
            CooperativeReinstatedIntegrationEvent r => r.CooperativeId == id,
            _ => false,
        }).ToList()), events => events.Count >= 3, what: "the lifecycle events");

        mine.Select(e => e.GetType()).Should().Equal(typeof(CooperativeVerifiedIntegrationEvent), typeof(CooperativeSuspendedIntegrationEvent),
            typeof(CooperativeReinstatedIntegrationEvent));
        app.Received.Of<PayoutAccountChangedIntegrationEvent>().Single(e => e.CooperativeId == id)
            .Should().Match<PayoutAccountChangedIntegrationEvent>(e => e.Method == "bank_transfer" && e.OnHoldUntil == null);
    }

    public static TheoryData<string[], string> IllegalChanges => new()
    {
        { [], "suspend" }, { [], "reinstate" },
        { ["verify"], "verify" }, { ["verify"], "reinstate" },
        { ["verify", "suspend"], "verify" }, { ["verify", "suspend"], "suspend" },
    };

    [Theory, MemberData(nameof(IllegalChanges))]
    public async Task Given_a_status_When_an_illegal_change_is_asked_Then_409_and_nothing_changes(string[] before, string change)
    {
        var (_, id) = await app.PendingAsync();
        var admin = await app.AdminAsync();
        foreach (var action in before) await (await admin.Client.PostJson($"/api/admin/cooperatives/{id}/{action}")).ShouldHaveStatus(200);
        var status = (await admin.Client.GetJson($"/api/cooperatives/{id}"))["status"]!.GetValue<string>();

        var problem = await (await admin.Client.PostJson($"/api/admin/cooperatives/{id}/{change}")).ShouldBeProblem(409);

        problem["code"]!.GetValue<string>().Should().Be("illegal_status_change");
        (await admin.Client.GetJson($"/api/cooperatives/{id}"))["status"]!.GetValue<string>().Should().Be(status);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("suspend")]
    [InlineData("reinstate")]
    public async Task Given_someone_who_is_not_an_admin_When_changing_the_status_Then_401_or_403_and_unknown_ids_404(string action)
    {
        var (owner, id) = await app.PendingAsync();
        await (await app.Anonymous().PostJson($"/api/admin/cooperatives/{id}/{action}")).ShouldHaveStatus(401);
        await (await owner.Client.PostJson($"/api/admin/cooperatives/{id}/{action}")).ShouldHaveStatus(403);
        var admin = await app.AdminAsync();
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{Guid.NewGuid()}/{action}")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Given_admins_verifying_at_the_same_moment_Then_one_succeeds_and_the_others_get_409()
    {
        var (_, id) = await app.PendingAsync();
        var admin = await app.AdminAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.Client.PostJson($"/api/admin/cooperatives/{id}/verify")));

        responses.Select(r => (int)r.StatusCode).Should().BeEquivalentTo([200, 409, 409, 409]);
        var history = await admin.Client.GetJson($"/api/cooperatives/{id}/history");
        history["items"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "verified").Should().Be(1);
    }

    [Fact]
    public async Task Given_changes_Then_the_history_says_what_who_and_when_to_staff_and_admins_only()
    {
        var (owner, id) = await app.PendingAsync();
        var admin = await app.AdminAsync();
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{id}/verify")).ShouldHaveStatus(200);
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{id}/suspend", new { reason = "unpaid commission" })).ShouldHaveStatus(200);
        var staff = await app.NewStaffAsync(owner, id);
        await (await owner.Client.PutJson($"/api/cooperatives/{id}/payout-account", new { method = "bank_transfer", rib = Api.ValidRib })).ShouldHaveStatus(200);

        var history = await staff.Client.GetJson($"/api/cooperatives/{id}/history");

        var items = history["items"]!.AsArray();
        history["total"]!.GetValue<int>().Should().Be(5);
        items.Select(e => e!["action"]!.GetValue<string>()).Should().Equal("applied", "verified", "suspended", "staff_added", "payout_account_set");
        items.Select(e => e!["by"]!.GetValue<Guid>()).Should().Equal(owner.Id, admin.Id, admin.Id, owner.Id, owner.Id);
        items[1]!["byName"]!.GetValue<string>().Should().Be("Administrator");
        items[2]!["details"]!["reason"]!.GetValue<string>().Should().Be("unpaid commission");
        items.Select(e => e!["at"]!.GetValue<DateTimeOffset>()).Should().BeInAscendingOrder()
            .And.OnlyContain(at => at > DateTimeOffset.UtcNow.AddMinutes(-5));
        history.ToJsonString().Should().NotContain(Api.ValidRib, "staff do not see the payout account");
        (await admin.Client.GetJson($"/api/cooperatives/{id}/history"))["total"]!.GetValue<int>().Should().Be(5);

        var stranger = await app.NewShopperAsync();
        await (await stranger.Client.GetAsync($"/api/cooperatives/{id}/history")).ShouldBeProblem(403);
        await (await app.Anonymous().GetAsync($"/api/cooperatives/{id}/history")).ShouldHaveStatus(401);
        await (await admin.Client.GetAsync($"/api/cooperatives/{Guid.NewGuid()}/history")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Given_the_public_commands_When_sent_as_the_demo_loader_does_Then_a_verified_cooperative_exists()
    {
        var owner = await app.NewShopperAsync();
        var admin = await app.AdminAsync();
        var number = Api.NewRegistrationNumber();

        var id = await app.SendAsync(new ApplyForCooperative(owner.Id, new Dictionary<string, string> { ["fr"] = "Coopérative Amal" }, number,
            "tiznit", ["silver"], "amal@coop.ma", "0528 86 12 34", null));
        var status = await app.SendAsync(new VerifyCooperative(id, admin.Id));
        var policy = await app.SendAsync(new SetShippingPolicy(id, owner.Id, 30m, 500m));

        status.Should().Be("verified");
        policy.Should().Be(new ShippingPolicy(id, 30m, 500m, "MAD"));
        (await app.SendAsync(new FindCooperativeByRegistrationNumber(number.ToLowerInvariant()))).Should().Be(id);
        var profile = await app.Anonymous().GetJson($"/api/cooperatives/{id}");
        profile["name"]!.GetValue<string>().Should().Be("Coopérative Amal");
        profile["shipping"]!["flatFee"]!["amount"]!.GetValue<decimal>().Should().Be(30m);
        var bad = () => app.SendAsync(new ApplyForCooperative(owner.Id, new Dictionary<string, string>(), "X", "rabat", [], "x", "1", null));
        (await bad.Should().ThrowAsync<Marketplace.BuildingBlocks.ValidationFailed>()).Which.Errors.Keys
            .Should().Contain(["name", "province", "contactEmail", "phone"]);
        var stranger = () => app.SendAsync(new ApplyForCooperative(Guid.NewGuid(), new Dictionary<string, string> { ["fr"] = "X" },
            Api.NewRegistrationNumber(), "tiznit", [], "x@y.ma", "0612345678", null));
        (await stranger.Should().ThrowAsync<Marketplace.BuildingBlocks.ValidationFailed>()).Which.Errors.Keys.Should().Equal("applicantId");
    }
}
