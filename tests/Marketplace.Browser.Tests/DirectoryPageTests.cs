using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Issue 23: /cooperatives, the directory every product links towards, on a phone: name, province, sectors and labels,
/// filtered by province and sector; and the site installable (its manifest, icons and theme colour).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectoryPageTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar", "طاطا", "صناعة السلال")]
    [InlineData("fr", "Tata", "Vannerie")]
    public async Task A_visitor_finds_a_cooperative_by_province_and_sector_with_its_labels_on_a_phone(string lang, string province, string sector)
    {
        var word = ShopData.ArabicWord();
        var baskets = await app.NewCooperativeAsync($"تعاونية السلال {word}", $"Coopérative Vannerie {word}", province: "tata", sectors: ["basketry"]);
        var basket = await baskets.NewProductAsync($"سلة {word}", $"Panier {word}", 200m, category: "basketry", unit: "1 pièce");
        await baskets.CertifyAsync(basket.Id, "FAIR_TRADE");
        var elsewhere = await app.NewCooperativeAsync($"تعاونية أخرى {word}", $"Autre coopérative {word}", province: "tiznit", sectors: ["basketry"]);

        var page = await app.NewPageAsync(phone: true, language: lang);
        await page.GotoAsync($"/?lang={lang}");
        await page.Locator("footer a[href='/cooperatives']").ClickAsync();
        await page.WaitForURLAsync("**/cooperatives");
        await page.Locator("#province").SelectOptionAsync(new SelectOptionValue { Label = province });
        await page.Locator("#sector").SelectOptionAsync(new SelectOptionValue { Label = sector });
        await page.Locator("form.directory-filters button").ClickAsync();
        await page.WaitForURLAsync("**/cooperatives?province=tata&sector=basketry");

        var listed = page.Locator($"[data-testid=directory] li[data-cooperative='{baskets.Id}']");
        var text = await listed.TextContentAsync();
        text.Should().Contain(lang == "ar" ? baskets.NameAr : baskets.NameFr).And.Contain(province).And.Contain(sector)
            .And.Contain(lang == "ar" ? "التجارة العادلة" : "Commerce équitable");
        (await page.Locator($"[data-testid=directory] li[data-cooperative='{elsewhere.Id}']").CountAsync()).Should().Be(0, "another province");
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"directory-{lang}-phone");
        await listed.Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync($"**/cooperatives/{baskets.Id}");
    }

    [Fact]
    public async Task The_site_can_be_added_to_a_phone_s_home_screen_in_the_reader_s_language_and_direction()
    {
        var page = await app.NewPageAsync(phone: true, language: "ar");
        await page.GotoAsync("/?lang=ar");
        (await page.GetAttributeAsync("meta[name=theme-color]", "content")).Should().Be("#7a4a12");
        var href = await page.GetAttributeAsync("link[rel=manifest]", "href");
        var answer = await app.Anonymous().GetAsync(href);
        (await answer.ShouldHaveStatus(200)).Content.Headers.ContentType!.MediaType.Should().Be("application/manifest+json");
        var manifest = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        (manifest["lang"]!.GetValue<string>(), manifest["dir"]!.GetValue<string>(), manifest["display"]!.GetValue<string>()).Should().Be(("ar", "rtl", "standalone"));
        manifest["name"]!.GetValue<string>().Should().Be("سوق تعاونيات سوس ماسة");
        foreach (var icon in manifest["icons"]!.AsArray())
        {
            var file = await (await app.Anonymous().GetAsync(icon!["src"]!.GetValue<string>())).ShouldHaveStatus(200);
            file.Content.Headers.ContentType!.MediaType.Should().Be(icon["type"]!.GetValue<string>());
        }
        manifest["icons"]!.AsArray().Select(i => i!["sizes"]!.GetValue<string>()).Should().Contain(["192x192", "512x512"]);
        (await (await app.Anonymous().GetAsync("/favicon.ico")).ShouldHaveStatus(200)).Content.Headers.ContentType!.MediaType.Should().Be("image/x-icon");
    }
}
