using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The cooperative's members, staff, delivery fee and payout account, as its owner keeps them in the space.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoopGovernanceTests(BrowserApp app)
{
    [Fact]
    public async Task The_owner_records_members_with_their_counts_and_marks_one_as_left()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(coop.Owner, "ar", $"/coop/{coop.Id}/members");

        await page.GetByLabel("المهمة").SelectOptionAsync("president");
        await page.GetByRole(AriaRole.Button, new() { Name = "إضافة المنخرط" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for='Input.FullName']")).Should().StartWith("أدخل الاسم الكامل للمنخرط");
        (await page.InputValueAsync("#Input_Role")).Should().Be("president", "what was chosen stays");

        await AddAsync(page, "عائشة أوبلا", "president", "female");
        (await CoopSpaceData.NoticeAsync(page)).Should().Contain("عائشة أوبلا");
        await AddAsync(page, "خديجة إدبلقاسم", "treasurer", "female");
        await AddAsync(page, "محمد أمزيان", "member", "male");
        await AddAsync(page, "مينة أكرام", "president", "female");
        (await page.TextContentAsync("[data-valmsg-for='Input.Role']")).Should().StartWith("للتعاونية منخرط آخر في هذه المهمة");

        (await page.TextContentAsync("[data-testid=members-current]")).Should().Be("3");
        (await page.TextContentAsync(".tiles")).Should().Contain("نساء: 2").And.Contain("رجال: 1");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-members-ar-phone");

        await page.Locator("tr", new() { HasText = "محمد أمزيان" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل المغادرة" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("تم تسجيل مغادرة محمد أمزيان.");
        (await page.TextContentAsync("[data-testid=members-current]")).Should().Be("2");
        (await page.TextContentAsync(".tiles")).Should().Contain("غادر التعاونية 1").And.Contain("رجال: 0");
    }

    [Fact]
    public async Task The_owner_sets_the_delivery_fee_the_payout_account_with_its_48_hour_hold_and_the_staff()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var clerk = await app.NewShopperAsync("clerk");
        var page = await app.NewPageAsync();
        await page.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}/delivery");

        (await page.TextContentAsync("[data-testid=delivery-now]")).Should().Contain("gratuite");
        await page.GetByLabel("Frais par commande (dirhams)").FillAsync("30");
        await page.GetByLabel("Livraison offerte à partir de").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les frais" }).ClickAsync();
        (await page.TextContentAsync("[data-testid=delivery-now]")).Should()
            .Be("Aujourd'hui, chaque commande paie 30,00 MAD de livraison, offerte à partir de 500,00 MAD d'achats.");

        await page.GotoAsync($"/coop/{coop.Id}/payout-account");
        await page.GetByLabel("RIB (24 chiffres)").FillAsync("230 780 0000123456789012 83");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte de versement" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for=Rib]")).Should().StartWith("Le RIB a 24 chiffres et une clé de contrôle");
        (await page.InputValueAsync("#Rib")).Should().Be("230 780 0000123456789012 83");
        await page.GetByLabel("RIB (24 chiffres)").FillAsync("230 780 0000123456789012 82");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte de versement" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("Le compte de versement est enregistré.", "the first account takes effect at once");
        (await page.TextContentAsync("[data-testid=payout-now]")).Should().Contain("230 780 0000123456789012 82");
        (await page.Locator("[data-testid=payout-hold]").CountAsync()).Should().Be(0);

        await page.GetByLabel("RIB (24 chiffres)").FillAsync("181000000123456789012317");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte de versement" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().StartWith("Le compte de versement est enregistré. Par sécurité, les versements reprendront le");
        (await page.TextContentAsync("[data-testid=payout-hold]")).Should().StartWith("Le compte vient de changer : par sécurité, les versements sont suspendus jusqu'au");
        await BrowserApp.ScreenshotAsync(page, "coop-payout-hold-fr-desktop");

        await page.GotoAsync($"/coop/{coop.Id}/staff");
        await page.GetByLabel("Adresse e-mail de la personne").FillAsync("personne-inconnue@test.ma");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à l'équipe" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for=Email]")).Should().StartWith("Aucun compte n'existe avec cette adresse");
        await page.GetByLabel("Adresse e-mail de la personne").FillAsync(clerk.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à l'équipe" }).ClickAsync();
        (await page.Locator(".staff-list li").CountAsync()).Should().Be(2);
        (await page.TextContentAsync(".staff-list")).Should().Contain(clerk.Email);
        await BrowserApp.ScreenshotAsync(page, "coop-staff-fr-desktop");
        await page.Locator(".staff-list li", new() { HasText = clerk.Email }).GetByRole(AriaRole.Button).ClickAsync();
        (await page.Locator(".staff-list li").CountAsync()).Should().Be(1);
        app.OutsideRequests.Should().BeEmpty();
    }

    private static async Task AddAsync(IPage page, string name, string role, string gender)
    {
        await page.GetByLabel("الاسم الكامل").FillAsync(name);
        await page.GetByLabel("المهمة").SelectOptionAsync(role);
        await page.GetByLabel("الجنس").SelectOptionAsync(gender);
        await page.GetByRole(AriaRole.Button, new() { Name = "إضافة المنخرط" }).ClickAsync();
    }
}
