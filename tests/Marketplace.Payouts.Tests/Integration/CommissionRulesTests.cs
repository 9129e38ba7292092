namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class CommissionRulesTests(PayoutsApp app)
{
    [Fact]
    public async Task Given_new_rates_When_set_Then_they_are_in_force_and_kept_in_the_history()
    {
        var admin = (await app.AdminAsync()).Client;

        var set = await (await (await admin.PutJson("/api/admin/commission",
            new { defaultRate = 0.12, categoryRates = new Dictionary<string, decimal> { ["argan-oil"] = 0.08m, ["carpets"] = 0.2m } })).ShouldHaveStatus(200)).Json();
        var read = await (await (await admin.GetAsync("/api/admin/commission")).ShouldHaveStatus(200)).Json();

        set["defaultRate"]!.GetValue<decimal>().Should().Be(0.12m);
        read["defaultRate"]!.GetValue<decimal>().Should().Be(0.12m);
        read["categoryRates"]!["argan-oil"]!.GetValue<decimal>().Should().Be(0.08m);
        read["categoryRates"]!["carpets"]!.GetValue<decimal>().Should().Be(0.2m);
        read["effectiveFrom"]!.GetValue<DateTimeOffset>().Should().Be(set["effectiveFrom"]!.GetValue<DateTimeOffset>());
        read["history"]!.AsArray().Count.Should().BeGreaterThan(0);
    }

    public static TheoryData<string, string> BadRates => new()
    {
        { """{"defaultRate": 0.51}""", "defaultRate" },
        { """{"defaultRate": -0.01}""", "defaultRate" },
        { """{"defaultRate": 0.12345}""", "defaultRate" },
        { """{"categoryRates": {"honey": 0.1}}""", "defaultRate" },
        { """{"defaultRate": 0.1, "categoryRates": {"honey": 0.6}}""", "categoryRates" },
        { """{"defaultRate": 0.1, "categoryRates": {"honey": -1}}""", "categoryRates" },
        { """{"defaultRate": 0.1, "categoryRates": {" ": 0.1}}""", "categoryRates" },
    };

    [Theory, MemberData(nameof(BadRates))]
    public async Task Given_rates_outside_0_to_half_When_set_Then_400_and_the_rates_in_force_do_not_change(string body, string field)
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.1m);
        var before = (await (await admin.GetAsync("/api/admin/commission")).Json()).ToJsonString();

        var response = await admin.PutAsync("/api/admin/commission", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeValidationProblem(field);
        (await (await admin.GetAsync("/api/admin/commission")).Json()).ToJsonString().Should().Be(before);
    }

    [Theory]
    [InlineData("""{"defaultRate": "ten percent"}""")]
    [InlineData("""{"defaultRate": 0.1, "categoryRates": [0.1]}""")]
    [InlineData("""{"defaultRate": """)]
    public async Task Given_malformed_json_When_setting_rates_Then_400(string body)
    {
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PutAsync("/api/admin/commission", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblem(400);
    }

    [Fact]
    public async Task Given_a_rate_change_after_an_order_was_placed_When_it_is_paid_and_delivered_Then_the_sale_keeps_the_old_rate()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m, new Dictionary<string, decimal> { ["carpets"] = 0.05m });
        var coop = await app.Cooperatives.NewAsync("Frozen");
        var before = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("carpets", 1000m), new TestLine("pottery", 100m)));

        await admin.SetCommissionAsync(0.30m);
        await app.Orders.PayAsync(before);
        await app.Orders.DeliverAsync(before, coop);
        var after = await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("carpets", 1000m));

        // before: 1000 - 50 + 100 - 10 = 1040; after: 1000 - 300 = 700
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((1740m, 0m, 0m));
        _ = after;
    }
}
