using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Programme.Tests;

/// <summary>The women-led share follows what a cooperative declares; the impact's CSV holds the same figures as its JSON.</summary>
public sealed class WomenLedAndCsvTests(ImpactApp app) : IClassFixture<ImpactApp>
{
    private static readonly string Today = Marketplace.BuildingBlocks.MoroccoTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    private async Task<decimal> ShareAsync() => (await ImpactAsync())["womenLedShare"]!.GetValue<decimal>();

    private async Task<JsonNode> ImpactAsync() => await (await app.Anonymous().GetAsync($"/api/impact?from={Today}&to={Today}")).Json();

    [Fact]
    public async Task A_cooperative_without_a_board_on_the_platform_declares_that_women_lead_it_and_the_share_follows()
    {
        var (declared, other) = (await app.Market.NewCooperativeAsync(), await app.Market.NewCooperativeAsync());
        var shopper = await app.NewShopperAsync();
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (await app.Market.NewProductAsync(declared, 100m, 10), 3)));
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (await app.Market.NewProductAsync(other, 100m, 10), 1)));
        (await ShareAsync()).Should().Be(0m);
        var total = (await ImpactAsync())["sales"]!["total"]!["amount"]!.GetValue<decimal>(); // with the other test's sale of the day

        var url = $"/api/cooperatives/{declared.Id}/women-led";
        (await other.Owner.Client.PutJson(url, new { womenLed = true })).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync(url)).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        var answer = await (await (await declared.Owner.Client.PutJson(url, new { womenLed = true })).ShouldHaveStatus(200)).Json();
        (answer["declared"]!.GetValue<bool>(), answer["fromBoard"]!.GetValue<bool>(), answer["isWomenLed"]!.GetValue<bool>()).Should().Be((true, false, true));
        (await ShareAsync()).Should().Be(Math.Round(300m / total, 4), "300 MAD of the day's sales from the cooperative that declared it");

        await (await declared.Owner.Client.PutJson(url, new { womenLed = (bool?)null })).ShouldHaveStatus(200);
        (await ShareAsync()).Should().Be(0m, "left to its board's register, which has no woman presiding");
        var admin = (await app.AdminAsync()).Client;
        (await (await (await admin.GetAsync(url)).ShouldHaveStatus(200)).Json())["declared"].Should().BeNull();
    }

    [Fact]
    public async Task The_CSV_download_holds_the_figures_of_the_JSON_answer()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var shopper = await app.NewShopperAsync();
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (await app.Market.NewProductAsync(coop, 45.5m, 10), 2)));
        var json = await (await app.Anonymous().GetAsync($"/api/impact?from={Today}&to={Today}")).Json();

        var response = await (await app.Anonymous().GetAsync($"/api/impact.csv?from={Today}&to={Today}")).ShouldHaveStatus(200);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("section,key,name,value");
        decimal Value(string section, string key) => decimal.Parse(lines.Single(l => l.StartsWith($"{section},{key},")).Split(',').Last(),
            System.Globalization.CultureInfo.InvariantCulture);
        Value("summary", "sales").Should().Be(json["sales"]!["total"]!["amount"]!.GetValue<decimal>());
        Value("summary", "cooperativesSelling").Should().Be(json["cooperativesSelling"]!.GetValue<int>());
        Value("summary", "payoutsMade").Should().Be(json["payoutsMade"]!["payouts"]!.GetValue<int>());
        foreach (var province in json["sales"]!["byProvince"]!.AsArray())
            Value("province", province!["key"]!.GetValue<string>()).Should().Be(province["amount"]!["amount"]!.GetValue<decimal>());
        Value("month", Today[..7]).Should().Be(json["sales"]!["byMonth"]![0]!["amount"]!["amount"]!.GetValue<decimal>());

        var accepted = new HttpRequestMessage(HttpMethod.Get, $"/api/impact?from={Today}&to={Today}");
        accepted.Headers.Accept.ParseAdd("text/csv");
        (await app.Anonymous().SendAsync(accepted)).Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        await (await app.Anonymous().GetAsync("/api/impact.csv?from=2026-13-01")).ShouldBeValidationProblem("from");
    }
}
