using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Invoices as people meet them: the cooperative is asked for its tax identity and types it on a phone; the shopper then
/// finds the invoice on the order's page, reads it in Arabic and downloads its PDF.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvoicePagesTests(BrowserApp app)
{
    [Fact]
    public async Task The_cooperative_sets_its_tax_identity_when_asked_and_the_shopper_opens_and_downloads_the_invoice()
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync(flatFee: 20m);
        var product = await market.NewProductAsync(coop, 95m, stock: 5);
        var shopper = await app.NewShopperAsync("invoice-buyer");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 2)));
        var subOrderId = order.SubOrderOf(coop).Id();
        foreach (var (move, body) in new (string, object?)[] { ("accept", null), ("ship", Shop.Shipment()), ("deliver", null) })
            await coop.MoveAsync(subOrderId, move, body);

        // The owner is reminded on the dashboard, and types the identity on a phone.
        var owner = await app.NewPageAsync(phone: true);
        await owner.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}");
        var reminder = owner.Locator("[data-testid=tax-missing]");
        await Poll.UntilAsync(async () => { await owner.ReloadAsync(); return await reminder.TextContentAsync(); },
            t => t!.Contains("(1 en attente)"), what: "the delivered order waiting for its invoice");
        await reminder.GetByRole(AriaRole.Link).ClickAsync();
        await owner.WaitForURLAsync($"**/coop/{coop.Id}/tax-identity");
        await owner.GetByLabel("ICE").FillAsync("12345");
        await owner.GetByLabel("Identifiant fiscal (IF)").FillAsync("40512345");
        await owner.GetByLabel("Numéro du registre (RC / registre des coopératives)").FillAsync("RC 412/2019");
        await owner.GetByLabel("Adresse du siège").FillAsync("Douar Tighanimine, 83000 Taroudant");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        (await owner.Locator("[data-valmsg-for='Ice']").TextContentAsync()).Should().Be("L'ICE compte 15 chiffres.");
        (await owner.GetByLabel("Adresse du siège").InputValueAsync()).Should().Be("Douar Tighanimine, 83000 Taroudant", "what was typed stays");
        await owner.GetByLabel("ICE").FillAsync("001525879000063");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(owner)).Should().StartWith("Identité fiscale enregistrée");
        await CoopSpaceData.FitsTheScreenAsync(owner);
        await BrowserApp.ScreenshotAsync(owner, "coop-tax-identity-fr-phone");

        // The shopper, reading in Arabic, finds the invoice on the order's page.
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(shopper, "ar", $"/orders/{order.Id()}");
        var link = page.Locator("[data-invoice]");
        await Poll.UntilAsync(async () => { await page.ReloadAsync(); return await link.CountAsync(); }, n => n == 1, what: "the invoice's link");
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/orders/{order.Id()}/invoices/{subOrderId}");
        var sheet = page.Locator("article.invoice-sheet");
        (await sheet.Locator("h2").TextContentAsync())!.Replace("\u2068", "").Replace("\u2069", "").Should().StartWith("فاتورة رقم C");
        (await sheet.Locator("[data-ice]").TextContentAsync()).Should().Be("001525879000063");
        (await sheet.TextContentAsync()).Should().Contain("الضريبة على القيمة المضافة: معفاة").And.Contain("Fatima Ait Lahcen");
        (await page.Locator("html").GetAttributeAsync("dir")).Should().Be("rtl");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "invoice-ar-phone");

        var download = await page.RunAndWaitForDownloadAsync(() => sheet.Locator("[data-pdf]").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"invoice-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        (await File.ReadAllBytesAsync(file)).Take(5).Should().Equal("%PDF-"u8.ToArray());
        download.SuggestedFilename.Should().MatchRegex(@"^C\d{4}-\d{4}-1\.pdf$");
        File.Delete(file);
    }
}
