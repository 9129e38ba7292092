using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Issue 16 through the pages: an administrator, in Arabic on a phone, makes a signed-in shopper an administrator and then
/// suspends them; the shopper's own browser sees each change at its next click, without signing in again for the first,
/// signed out for the second.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminUsersTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_makes_a_shopper_an_administrator_then_suspends_them_and_the_shoppers_browser_follows()
    {
        var shopper = await app.NewShopperAsync("Hassan");
        var shopperPage = await SignedInPageAsync(shopper);
        await shopperPage.GotoAsync("/admin?lang=fr");
        shopperPage.Url.Should().Contain("/account/denied", "a shopper is not an administrator yet");

        var admin = await app.AdminPageAsync(phone: true, "ar");
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "الحسابات", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync("**/admin/users");
        await FindAsync(admin, MarketplaceApp.AdminEmail);
        var own = admin.Locator($"tr[data-email='{MarketplaceApp.AdminEmail}']");
        (await own.InnerTextAsync()).Should().Contain("هذا أنت");
        (await own.GetByRole(AriaRole.Button).CountAsync()).Should().Be(0, "an administrator cannot suspend or demote themselves");
        await FindAsync(admin, shopper.Email);
        var row = admin.Locator($"tr[data-email='{shopper.Email}']");
        (await row.InnerTextAsync()).Should().Contain("مشتري").And.Contain("نشط");
        await row.GetByRole(AriaRole.Button, new() { Name = "تعيين مسؤولا" }).ClickAsync();
        (await admin.Locator("[role=status]").InnerTextAsync()).Should().Contain(shopper.Email).And.Contain("أصبح");
        (await row.InnerTextAsync()).Should().Contain("مسؤول");
        await BrowserApp.ScreenshotAsync(admin, "admin-users-ar-phone");
        (await admin.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);

        await shopperPage.GotoAsync("/admin?lang=fr");
        shopperPage.Url.Should().EndWith("/admin?lang=fr", "the new role counts at the next click, without signing in again");
        (await shopperPage.Locator("h1").InnerTextAsync()).Should().Be("Administration du programme");

        await row.GetByRole(AriaRole.Button, new() { Name = "إيقاف" }).ClickAsync();
        (await admin.Locator("[role=status]").InnerTextAsync()).Should().Contain("تم إيقاف");
        (await row.InnerTextAsync()).Should().Contain("موقوف منذ");

        await shopperPage.GotoAsync("/account/orders?lang=fr");
        shopperPage.Url.Should().Contain("/account/login", "a suspended account's session has ended");
        await SignInAsync(shopperPage, shopper);
        (await shopperPage.Locator("[role=alert]").InnerTextAsync()).Should().Contain("Ce compte est suspendu");

        await row.GetByRole(AriaRole.Button, new() { Name = "إعادة التفعيل" }).ClickAsync();
        (await row.InnerTextAsync()).Should().Contain("نشط");
        await SignInAsync(shopperPage, shopper);
        await shopperPage.WaitForURLAsync(app.BaseUrl + "/account/orders**");
        app.OutsideRequests.Should().BeEmpty();
    }

    private async Task<IPage> SignedInPageAsync(TestUser user)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login?lang=fr");
        await SignInAsync(page, user);
        await page.WaitForURLAsync(app.BaseUrl + "/");
        return page;
    }

    /// <summary>Searches the accounts page for one e-mail: one row.</summary>
    private static async Task FindAsync(IPage page, string email)
    {
        await page.GetByLabel("البريد الإلكتروني أو الاسم", new() { Exact = true }).FillAsync(email);
        await page.Locator("#main").GetByRole(AriaRole.Button, new() { Name = "بحث" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=" + Uri.EscapeDataString(email)));
        (await page.Locator("[data-testid=users] tbody tr").CountAsync()).Should().Be(1, "the search finds the one account");
    }

    private static async Task SignInAsync(IPage page, TestUser user)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(user.Email);
        await page.GetByLabel("Mot de passe").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
    }
}
