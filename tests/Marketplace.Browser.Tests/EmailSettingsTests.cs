using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>A shopper chooses, from their orders' page, the language of their e-mails and whether they get the cooperatives' news.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailSettingsTests(BrowserApp app)
{
    [Fact]
    public async Task A_shopper_chooses_arabic_mails_and_the_cooperatives_news_and_the_account_keeps_them()
    {
        var shopper = await app.NewShopperAsync("mail-settings");
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(shopper, "fr", "/account/orders");
        await page.Locator("[data-testid=email-settings]").ClickAsync();
        await page.WaitForURLAsync("**/account/notifications");
        (await page.GetByLabel("Recevoir les nouvelles des coopératives (offres, nouveaux produits)").IsCheckedAsync()).Should().BeFalse("off until asked");
        (await page.GetByLabel("Langue de mes e-mails").InputValueAsync()).Should().Be("fr", "the language the account registered in");

        await page.GetByLabel("Langue de mes e-mails").SelectOptionAsync("ar");
        await page.GetByLabel("Recevoir les nouvelles des coopératives (offres, nouveaux produits)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        (await page.Locator("main [role=status]").TextContentAsync()).Should().Be("Vos préférences d'e-mail sont enregistrées.");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "email-settings-fr-phone");

        var settings = await (await (await shopper.Client.GetAsync("/api/accounts/me/notifications")).ShouldHaveStatus(200)).Json();
        settings["language"]!.GetValue<string>().Should().Be("ar");
        settings["marketing"]!.GetValue<bool>().Should().BeTrue();
    }
}
