using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Cooperatives.Tests.Integration;

[Collection(CooperativesCollection.Name)]
public sealed class ShippingAndPayoutTests(CooperativesApp app)
{
    [Fact]
    public async Task Given_staff_When_setting_the_delivery_fee_Then_200_and_checkout_reads_it()
    {
        var (owner, id) = await app.VerifiedAsync();
        var staff = await app.NewStaffAsync(owner, id);
        var (_, other) = await app.VerifiedAsync();
        (await app.SendAsync(new GetShippingPolicies([id, other, Guid.NewGuid()])))
            .Should().BeEquivalentTo([new ShippingPolicy(id, 0m, null), new ShippingPolicy(other, 0m, null)], "no fee until one is set");

        var response = await staff.Client.PutJson($"/api/cooperatives/{id}/shipping",
            new { flatFee = new { amount = 25.50m, currency = "MAD" }, freeAbove = new { amount = 400m, currency = "MAD" } });

        var body = await (await response.ShouldHaveStatus(200)).Json();
        body["flatFee"]!["amount"]!.GetValue<decimal>().Should().Be(25.50m);
        body["freeAbove"]!["currency"]!.GetValue<string>().Should().Be("MAD");
        (await app.SendAsync(new GetShippingPolicies([id]))).Should().Equal(new ShippingPolicy(id, 25.50m, 400m, "MAD"));
        await (await owner.Client.PutJson($"/api/cooperatives/{id}/shipping", new { flatFee = new { amount = 0 } })).ShouldHaveStatus(200);
        (await app.SendAsync(new GetShippingPolicies([id]))).Should().Equal(new ShippingPolicy(id, 0m, null, "MAD"));
    }

    [Fact]
    public async Task Given_a_bad_fee_or_someone_outside_When_setting_the_delivery_fee_Then_refused()
    {
        var (owner, id) = await app.VerifiedAsync();
        var stranger = await app.NewShopperAsync();
        var admin = await app.AdminAsync();
        var url = $"/api/cooperatives/{id}/shipping";
        var fee = new { flatFee = new { amount = 20m } };

        await (await owner.Client.PutJson(url, new { flatFee = new { amount = -5m } })).ShouldBeValidationProblem("flatFee");
        await (await owner.Client.PutJson(url, new { freeAbove = new { amount = 100m } })).ShouldBeValidationProblem("flatFee");
        await (await owner.Client.PutJson(url, new { flatFee = new { amount = 20m }, freeAbove = new { amount = 0m } })).ShouldBeValidationProblem("freeAbove");
        await (await owner.Client.PutJson(url, new { flatFee = new { amount = 20m, currency = "EUR" } })).ShouldBeValidationProblem("currency");
        await (await owner.Client.PutJson(url, new { flatFee = new { amount = 20.123m } })).ShouldBeProblem(400);
        await (await app.Anonymous().PutJson(url, fee)).ShouldHaveStatus(401);
        await (await stranger.Client.PutJson(url, fee)).ShouldBeProblem(403);
        await (await admin.Client.PutJson(url, fee)).ShouldBeProblem(403);
        await (await owner.Client.PutJson($"/api/cooperatives/{Guid.NewGuid()}/shipping", fee)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Given_no_account_When_the_owner_sets_a_rib_Then_it_is_kept_without_spaces_and_takes_effect_at_once()
    {
        var (owner, id) = await app.VerifiedAsync();
        var url = $"/api/cooperatives/{id}/payout-account";
        await (await owner.Client.GetAsync(url)).ShouldBeProblem(404);
        (await app.SendAsync(new GetPayoutAccount(id))).Should().BeNull();

        var set = await (await (await owner.Client.PutJson(url, new { method = "bank_transfer", rib = "230 780 0000123456789012 82" }))
            .ShouldHaveStatus(200)).Json();

        set["rib"]!.GetValue<string>().Should().Be(Api.ValidRib);
        set["onHold"]!.GetValue<bool>().Should().BeFalse();
        set["onHoldUntil"].Should().BeNull();
        (await owner.Client.GetJson(url))["method"]!.GetValue<string>().Should().Be("bank_transfer");
        (await (await app.AdminAsync()).Client.GetJson(url))["rib"]!.GetValue<string>().Should().Be(Api.ValidRib);
        (await app.SendAsync(new GetPayoutAccount(id))).Should().Be(new PayoutAccount(id, "bank_transfer", Api.ValidRib, null, null));
    }

    [Fact]
    public async Task Given_an_account_When_the_owner_changes_it_Then_payouts_are_on_hold_for_48_hours()
    {
        var (owner, id) = await app.VerifiedAsync();
        var url = $"/api/cooperatives/{id}/payout-account";
        await (await owner.Client.PutJson(url, new { method = "bank_transfer", rib = Api.ValidRib })).ShouldHaveStatus(200);
        var before = DateTimeOffset.UtcNow;

        var changed = await (await (await owner.Client.PutJson(url, new { method = "stripe_connect", stripeAccountId = "acct_1A2b3C4d5E6f7G8h" }))
            .ShouldHaveStatus(200)).Json();

        changed["onHold"]!.GetValue<bool>().Should().BeTrue();
        changed["rib"].Should().BeNull();
        changed["onHoldUntil"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(before.AddHours(48), TimeSpan.FromMinutes(1));
        var account = (await app.SendAsync(new GetPayoutAccount(id)))!;
        account.Method.Should().Be("stripe_connect");
        account.StripeAccountId.Should().Be("acct_1A2b3C4d5E6f7G8h");
        account.IsOnHoldAt(DateTimeOffset.UtcNow).Should().BeTrue();
        account.IsOnHoldAt(DateTimeOffset.UtcNow.AddHours(49)).Should().BeFalse();
        var published = await Poll.UntilAsync(() => Task.FromResult(app.Received.Of<PayoutAccountChangedIntegrationEvent>()
            .Where(e => e.CooperativeId == id).ToList()), e => e.Count == 2, what: "two payout account changes");
        published[1].Method.Should().Be("stripe_connect");
        published[1].OnHoldUntil.Should().Be(account.OnHoldUntil);
    }

    public static TheoryData<object, string> BadAccounts => new()
    {
        { new { method = "bank_transfer", rib = "230780000012345678901283" }, "rib" },
        { new { method = "bank_transfer", rib = "2307800000123456789012" }, "rib" },
        { new { method = "bank_transfer", rib = "23078000001234567890128X" }, "rib" },
        { new { method = "bank_transfer" }, "rib" },
        { new { method = "stripe_connect", stripeAccountId = "1A2b3C" }, "stripeAccountId" },
        { new { method = "stripe_connect" }, "stripeAccountId" },
        { new { method = "paypal", rib = Api.ValidRib }, "method" },
        { new { rib = Api.ValidRib }, "method" },
    };

    [Theory, MemberData(nameof(BadAccounts))]
    public async Task Given_a_bad_account_When_setting_it_Then_400_with_the_field_in_error(object body, string field)
    {
        var (owner, id) = await app.VerifiedAsync();
        await (await owner.Client.PutJson($"/api/cooperatives/{id}/payout-account", body)).ShouldBeValidationProblem(field);
        (await app.SendAsync(new GetPayoutAccount(id))).Should().BeNull();
    }

    [Fact]
    public async Task Given_someone_who_is_not_the_owner_Then_the_payout_account_is_neither_set_nor_seen_by_them()
    {
        var (owner, id) = await app.VerifiedAsync();
        var staff = await app.NewStaffAsync(owner, id);
        var stranger = await app.NewShopperAsync();
        var admin = await app.AdminAsync();
        var url = $"/api/cooperatives/{id}/payout-account";
        var account = new { method = "bank_transfer", rib = Api.ValidRib };
        await (await owner.Client.PutJson(url, account)).ShouldHaveStatus(200);

        await (await app.Anonymous().PutJson(url, account)).ShouldHaveStatus(401);
        await (await staff.Client.PutJson(url, account)).ShouldBeProblem(403);
        await (await stranger.Client.PutJson(url, account)).ShouldBeProblem(403);
        await (await admin.Client.PutJson(url, account)).ShouldBeProblem(403);
        await (await app.Anonymous().GetAsync(url)).ShouldHaveStatus(401);
        await (await staff.Client.GetAsync(url)).ShouldBeProblem(403);
        await (await stranger.Client.GetAsync(url)).ShouldBeProblem(403);
        await (await owner.Client.PutJson($"/api/cooperatives/{Guid.NewGuid()}/payout-account", account)).ShouldBeProblem(404);
        await (await admin.Client.GetAsync($"/api/cooperatives/{Guid.NewGuid()}/payout-account")).ShouldBeProblem(404);
        (await app.Anonymous().GetJson($"/api/cooperatives/{id}")).ToJsonString().Should().NotContain(Api.ValidRib);
    }
}
