namespace Marketplace.Browser.Tests;

/// <summary>The programme's public impact page, as anyone reads it on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImpactPageTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar", "أثر البرنامج")]
    [InlineData("fr", "L'impact du programme")]
    public async Task Anyone_reads_the_impact_of_the_period_on_a_phone_from_the_footer(string lang, string title)
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(coop, 120m, 10);
        var shopper = await app.NewShopperAsync();
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
        var today = Marketplace.BuildingBlocks.MoroccoTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var api = await (await app.Anonymous().GetAsync($"/api/impact?from={today}&to={today}")).Json();

        var page = await app.NewPageAsync(phone: true, language: lang);
        await page.GotoAsync($"/?lang={lang}");
        await page.Locator($"footer a[href='/impact']").ClickAsync();
        await page.WaitForURLAsync("**/impact");
        (await page.TextContentAsync("h1")).Should().Be(title);
        await page.GotoAsync($"/impact?from={today}&to={today}");
        (await page.Locator("[data-testid=by-month] tbody tr").CountAsync()).Should().Be(1);
        var sales = (await page.TextContentAsync("[data-testid=sales]"))!;
        var total = api["sales"]!["total"]!["amount"]!.GetValue<decimal>();
        total.Should().BeGreaterThanOrEqualTo(120m);
        sales.Replace("\u202f", "").Replace("\u00a0", "").Replace(" ", "").Replace(".", "").Should()
            .Contain(((long)total).ToString(), "the page shows the API's figure");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"impact-{lang}-phone");
    }
}
