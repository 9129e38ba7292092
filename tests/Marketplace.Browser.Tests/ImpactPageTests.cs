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
        await page.Locator("canvas[data-chart=month][data-drawn=true]").WaitForAsync();
        (await page.Locator("canvas[data-drawn=true]").CountAsync()).Should().Be(3, "a chart by month, by province and by category");
        (await page.Locator("[data-testid=by-province] tbody tr").CountAsync()).Should().BeGreaterThan(0, "a table beside each chart");
        var csv = await page.APIRequest.GetAsync(await page.Locator("a[data-testid=csv]").GetAttributeAsync("href") ?? "");
        (csv.Status, csv.Headers["content-type"]).Should().Be((200, "text/csv; charset=utf-8"));
        (await csv.TextAsync()).Should().Contain("summary,sales,,");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"impact-{lang}-phone");
    }

    [Fact]
    public async Task A_cooperative_owner_declares_on_a_phone_that_women_lead_it()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}/members");
        (await page.TextContentAsync("[data-testid=women-led]")).Should().Contain("ne compte pas cette coopérative comme dirigée par des femmes");
        await page.GetByLabel("Oui, nous le déclarons").CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().StartWith("Enregistré");
        (await page.TextContentAsync("[data-testid=women-led]")).Should().Contain("compte cette coopérative comme dirigée par des femmes");
        (await page.GetByLabel("Oui, nous le déclarons").IsCheckedAsync()).Should().BeTrue();
        var api = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/women-led")).Json();
        api["declared"]!.GetValue<bool>().Should().BeTrue();
        await CoopSpaceData.FitsTheScreenAsync(page);
    }
}
