using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// An administrator brings a fair's exhibitors onto the platform from the admin pages; an exhibitor follows its
/// invitation on a phone and applies with its details filled in; the fair's page leads visitors to its shop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FairPagesTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_imports_the_exhibitors_an_exhibitor_applies_from_its_invitation_and_the_fair_page_links_its_shop()
    {
        var admin = await app.NewPageAsync();
        await admin.SignInAsync(await app.AdminAsync(), "fr", "/admin/fairs");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer la foire" }).ClickAsync();
        (await admin.TextContentAsync("[data-valmsg-for='Input.Name']")).Should().Be("Indiquez le nom de la foire (150 caractères au plus).");
        await admin.GetByLabel("Nom").FillAsync("Salon de l'ESS d'Agadir");
        await admin.GetByLabel("Lieu").FillAsync("Agadir, place Al Amal");
        await admin.GetByLabel("Premier jour").FillAsync("2026-11-20");
        await admin.GetByLabel("Dernier jour").FillAsync("2026-11-24");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer la foire" }).ClickAsync();
        await admin.WaitForURLAsync("**/admin/fairs/*");
        var fairId = admin.Url.Split('/').Last();

        var csv = "name,province,sector,phone,email,stand\nتعاونية تيفاوت,Taroudant,saffron,0661234567,,A1\n"
            + "Coopérative Izourane,Tiznit,honey,0661234568,,A2\nCoopérative Sans Téléphone,Tata,dates,,,A3\n";
        await admin.GetByLabel("La liste des exposants (CSV)").SetInputFilesAsync(new FilePayload
            { Name = "exposants.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        (await admin.TextContentAsync("[data-testid=import-result]")).Should().Be("2 nouveaux, 0 modifiés, 0 inchangés ; 2 invités.");
        (await admin.TextContentAsync("[data-testid=import-errors] tbody")).Should().Contain("4").And.Contain("phone");
        (await admin.Locator("[data-testid=exhibitors] tbody tr").CountAsync()).Should().Be(2);
        var invitation = await admin.Locator("tr[data-stand=A1] .invitation-link").InputValueAsync();
        invitation.Should().StartWith(app.BaseUrl + "/invitations/");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Imprimer les codes QR des stands" }).ClickAsync();
        await admin.WaitForURLAsync("**/qr-sheet");
        var images = admin.Locator("[data-testid=qr-sheet] img");
        (await images.CountAsync()).Should().Be(2);
        await Poll.UntilAsync(() => admin.EvaluateAsync<bool>("() => [...document.querySelectorAll('[data-testid=qr-sheet] img')].every(i => i.complete && i.naturalWidth > 100)"),
            loaded => loaded, what: "the QR codes drawn");
        await BrowserApp.ScreenshotAsync(admin, "admin-fair-qr-sheet-fr-desktop");

        var exhibitor = await app.NewShopperAsync("exhibitor");
        var phone = await app.NewPageAsync(phone: true);
        await phone.SignInAsync(exhibitor, "ar", new Uri(invitation).AbsolutePath);
        (await phone.TextContentAsync("[data-testid=invitation]")).Should().Contain("A1").And.Contain("تعاونية تيفاوت");
        await phone.GetByRole(AriaRole.Link, new() { Name = "تسجيل تعاونيتي" }).ClickAsync();
        await phone.WaitForURLAsync("**/coop/apply?invitation=*");
        (await phone.Locator("#Input_NameAr").InputValueAsync()).Should().Be("تعاونية تيفاوت");
        (await phone.Locator("#Input_Phone").InputValueAsync()).Should().Be("+212661234567");
        (await phone.Locator("#Input_Province").InputValueAsync()).Should().Be("taroudant");
        await CoopSpaceData.FitsTheScreenAsync(phone);
        await phone.Locator("#Input_RegistrationNumber").FillAsync($"RC-TRD-{Guid.NewGuid():N}"[..16]);
        await phone.Locator("#Input_ContactEmail").FillAsync($"tifawt-{Guid.NewGuid():N}"[..16] + "@test.ma");
        await phone.GetByRole(AriaRole.Button, new() { Name = "إرسال الطلب" }).ClickAsync();
        await phone.WaitForURLAsync("**/coop/*-*");
        var cooperativeId = Guid.Parse(phone.Url.Split('/').Last().Split('?')[0]);

        var adminApi = (await app.AdminAsync()).Client;
        await Poll.UntilAsync(async () => (await (await adminApi.GetAsync($"/api/admin/fairs/{fairId}")).Json())["exhibitors"]![0]!["cooperativeId"],
            linked => linked is not null, what: "the exhibitor linked to its cooperative");
        await (await adminApi.PostJson($"/api/admin/cooperatives/{cooperativeId}/verify")).ShouldHaveStatus(200);

        foreach (var (lang, shop) in new[] { ("ar", "زيارة المتجر"), ("fr", "Voir la boutique") })
        {
            var visitor = await app.NewPageAsync(phone: true, language: lang);
            await visitor.GotoAsync($"/?lang={lang}");
            await visitor.Locator("footer a[href='/fairs']").ClickAsync();
            await visitor.Locator($"[data-testid=fairs] a[href='/fairs/{fairId}']").ClickAsync();
            await visitor.WaitForURLAsync($"**/fairs/{fairId}");
            (await visitor.Locator("[data-testid=exhibitors] li").CountAsync()).Should().Be(2);
            await CoopSpaceData.FitsTheScreenAsync(visitor);
            await BrowserApp.ScreenshotAsync(visitor, $"fair-{lang}-phone");
            await visitor.Locator("li[data-stand=A1]").GetByRole(AriaRole.Link, new() { Name = shop }).ClickAsync();
            await visitor.WaitForURLAsync($"**/cooperatives/{cooperativeId}");
        }
        var again = await app.NewPageAsync(phone: true);
        await again.GotoAsync(new Uri(invitation).AbsolutePath);
        again.Url.Should().EndWith($"/cooperatives/{cooperativeId}", "once verified, the invitation (and the stand's QR code) leads to the shop");
    }
}
