using System.Text.Json.Nodes;

namespace Marketplace.Programme.Tests;

public sealed class ImpactApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    public ImpactApp() => Market = new HttpMarket(this);
}

/// <summary>API.md "GET /api/impact": figures from the platform's own records, compared with what the test itself did.</summary>
public sealed class ImpactTests(ImpactApp app) : IClassFixture<ImpactApp>
{
    private static decimal Money(JsonNode? node) => node!["amount"]!.GetValue<decimal>();

    [Fact]
    public async Task The_impact_adds_up_the_sales_the_women_led_share_and_the_payments_to_members_of_the_period()
    {
        var today = Marketplace.BuildingBlocks.MoroccoTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var (womenLed, other) = (await app.Market.NewCooperativeAsync(), await app.Market.NewCooperativeAsync());
        var president = (await (await (await womenLed.Owner.Client.PostJson($"/api/cooperatives/{womenLed.Id}/members",
            new { fullName = "Fadma Ait Lahcen", role = "president", joinedOn = "2015-01-01", gender = "female", shares = 5 })).ShouldHaveStatus(201)).Json())["id"];
        await (await other.Owner.Client.PostJson($"/api/cooperatives/{other.Id}/members",
            new { fullName = "Brahim Ait Said", role = "president", joinedOn = "2015-01-01", gender = "male" })).ShouldHaveStatus(201);
        var (oil, soap) = (await app.Market.NewProductAsync(womenLed, 100m, 10), await app.Market.NewProductAsync(other, 50m, 10));
        var shopper = await app.NewShopperAsync();
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 2)));
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (soap, 1)));
        await (await womenLed.Owner.Client.PostJson($"/api/cooperatives/{womenLed.Id}/members/{president}/payments",
            new { date = today, amount = 80, method = "wallet", advance = true })).ShouldHaveStatus(201);

        var impact = await (await (await app.Anonymous().GetAsync($"/api/impact?from={today}&to={today}")).ShouldHaveStatus(200)).Json();
        var sales = impact["sales"]!;
        Money(sales["total"]).Should().Be(250m);
        sales["byProvince"]!.AsArray().Sum(p => Money(p!["amount"])).Should().Be(250m);
        Money(sales["byProvince"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "taroudant")!["amount"]).Should().Be(250m);
        sales["byCategory"]!.AsArray().Sum(c => Money(c!["amount"])).Should().Be(250m);
        sales["byMonth"]!.AsArray().Single()!["month"]!.GetValue<string>().Should().Be(today[..7]);
        Money(sales["byMonth"]![0]!["amount"]).Should().Be(250m);
        impact["cooperativesSelling"]!.GetValue<int>().Should().Be(2);
        impact["womenLedShare"]!.GetValue<decimal>().Should().Be(0.8m, "200 of 250 MAD from the cooperative a woman presides");
        (impact["membersPaid"]!.GetValue<int>(), Money(impact["paidToMembers"])).Should().Be((1, 80m));
        (impact["from"]!.GetValue<string>(), impact["to"]!.GetValue<string>()).Should().Be((today, today));

        var before = await (await app.Anonymous().GetAsync("/api/impact?from=2020-01-01&to=2020-12-31")).Json();
        Money(before["sales"]!["total"]).Should().Be(0m);
        before["womenLedShare"]!.GetValue<decimal>().Should().Be(0m);
        await (await app.Anonymous().GetAsync("/api/impact?from=2026-02-01&to=2026-01-01")).ShouldBeValidationProblem("to");
        await (await app.Anonymous().GetAsync("/api/impact?from=yesterday")).ShouldBeValidationProblem("from");
    }
}
