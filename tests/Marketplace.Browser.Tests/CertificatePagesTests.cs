using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>A cooperative sends a certificate from its space; an administrator checks it from the queue; the label shows on the product.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificatePagesTests(BrowserApp app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_cooperative_sends_a_certificate_in_French_and_an_administrator_verifies_it_on_a_phone_in_Arabic()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var oil = await new HttpMarket(app).NewProductAsync(coop, 150m, 6);
        var page = await app.NewPageAsync();
        await page.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}/certificates");

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le certificat" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for=Kind]")).Should().Be("Choisissez le type de certificat.");
        (await page.TextContentAsync("[data-valmsg-for=File]")).Should().StartWith("Joignez le certificat en PDF");
        await page.GetByLabel("Type de certificat").SelectOptionAsync("igp");
        await page.GetByLabel("Numéro du certificat").FillAsync("IGP-ARGANE-0412");
        await page.GetByLabel("Délivré par").FillAsync("Normacert");
        await page.GetByLabel("Valable du").FillAsync(DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd"));
        await page.GetByLabel("jusqu'au").FillAsync(DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"));
        await page.Locator($"input[name=ProductIds][value='{oil.Id}']").CheckAsync();
        await page.GetByLabel("Le certificat (PDF ou photo)").SetInputFilesAsync(new FilePayload { Name = "igp.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le certificat" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("Le certificat est envoyé : la plateforme le vérifie.");
        (await page.TextContentAsync("[data-testid=certificates]")).Should().Contain("IGP-ARGANE-0412").And.Contain("en attente de vérification");
        await BrowserApp.ScreenshotAsync(page, "coop-certificates-fr-desktop");

        var admin = await app.NewPageAsync(phone: true);
        await admin.SignInAsync(await app.AdminAsync(), "ar", "/admin/certificates");
        var item = admin.Locator("li", new() { HasText = "IGP-ARGANE-0412" });
        await item.GetByRole(AriaRole.Button, new() { Name = "رفض" }).ClickAsync();
        (await admin.TextContentAsync("[role=alert]")).Should().Contain("اذكروا السبب");
        await admin.Locator("li", new() { HasText = "IGP-ARGANE-0412" }).GetByRole(AriaRole.Button, new() { Name = "تأكيد" }).ClickAsync();
        (await admin.TextContentAsync("[role=status]")).Should().Contain("تم التحقق من الشهادة");
        (await admin.Locator("li", new() { HasText = "IGP-ARGANE-0412" }).CountAsync()).Should().Be(0, "it left the queue");
        await CoopSpaceData.FitsTheScreenAsync(admin);
        await BrowserApp.ScreenshotAsync(admin, "admin-certificates-ar-phone");

        await page.ReloadAsync();
        (await page.TextContentAsync("[data-testid=certificates]")).Should().Contain("vérifié");
        await Poll.UntilAsync(async () => (await page.GotoAsync($"/products/{oil.Id}?lang=fr"))!.Ok && await page.Locator(".labels-explained a.badge").CountAsync() > 0,
            ok => ok, what: "the IGP label on the product page");
        (await page.TextContentAsync(".labels-explained")).Should().Contain("IGP").And.Contain("Certificat vérifié par la plateforme");
    }

    [Fact]
    public async Task An_administrator_marks_a_food_category_and_a_product_of_it_waits_for_its_ONSSA_certificate()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var created = await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/products", new
        {
            sku = $"DAT-{Guid.NewGuid():N}"[..12], category = "dates", name = new { fr = "Dattes Mejhoul" }, price = new { amount = 90, currency = "MAD" },
            unit = "box 1 kg", stock = 4, province = "tata", foodSafetyNumber = "ONSSA 12.34.567",
        })).ShouldHaveStatus(201)).Json();
        var sold = await new HttpMarket(app).NewProductAsync(coop, 60m, 3); // published before the category is marked
        await (await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/products/{sold.Id}", new
        {
            version = (await (await coop.Owner.Client.GetAsync($"/api/products/{sold.Id}")).Json())["version"]!.GetValue<int>(),
            sku = sold.Sku, category = "dates", name = new { fr = "Dattes Boufeggous" }, price = new { amount = 60, currency = "MAD" },
            unit = "box 1 kg", province = "tata",
        })).ShouldHaveStatus(200);
        var admin = await app.NewPageAsync();
        await admin.SignInAsync(await app.AdminAsync(), "fr", "/admin/categories");
        await admin.Locator("tr[data-category=dates]").GetByRole(AriaRole.Button).ClickAsync();
        (await admin.TextContentAsync("[role=status]")).Should().Be("La catégorie est marquée alimentaire.");
        (await admin.TextContentAsync("tr[data-category=dates]")).Should().Contain("Alimentaire");
        (await admin.TextContentAsync("[data-testid=uncertified]")).Should().Contain("Dattes Boufeggous").And.Contain("n'ont pas de certificat ONSSA vérifié");

        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(coop.Owner, "ar", $"/coop/{coop.Id}/products/{created["id"]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "عرض للبيع" }).ClickAsync();
        (await CoopSpaceData.AlertAsync(page)).Should().StartWith("هذا المنتوج غذائي");
        await CoopSpaceData.FitsTheScreenAsync(page);

        await admin.Locator("tr[data-category=dates]").GetByRole(AriaRole.Button).ClickAsync();
        (await admin.TextContentAsync("[role=status]")).Should().Be("La catégorie n'est plus marquée alimentaire.");
    }
}
