using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccountPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_signs_up_in_arabic_on_a_phone_and_is_signed_in()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/account/register?lang=ar");

        (await page.GetAttributeAsync("html", "dir")).Should().Be("rtl");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("ar");
        (await page.TextContentAsync("h1")).Should().Be("إنشاء حساب");
        await BrowserApp.ScreenshotAsync(page, "signup-ar-phone");

        await page.GetByLabel("الاسم").FillAsync("فاطمة أيت لحسن");
        await page.GetByLabel("البريد الإلكتروني").FillAsync($"fatima-{Guid.NewGuid():N}@test.ma");
        await page.GetByLabel("كلمة المرور").FillAsync("argan-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "إنشاء الحساب" }).ClickAsync();

        await page.WaitForURLAsync(app.BaseUrl + "/");
        (await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الخروج" }).IsVisibleAsync()).Should().BeTrue();
        (await page.GetAttributeAsync("html", "dir")).Should().Be("rtl", "the language choice is remembered");
        app.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_form_with_errors_keeps_what_was_typed_and_shows_messages_beside_the_fields()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/register?lang=fr");
        await page.GetByLabel("Nom").FillAsync("Youssef");
        await page.GetByLabel("Adresse e-mail").FillAsync("pas-une-adresse");
        await page.GetByLabel("Mot de passe").FillAsync("court");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        (await page.InputValueAsync("#DisplayName")).Should().Be("Youssef");
        (await page.InputValueAsync("#Email")).Should().Be("pas-une-adresse");
        (await page.TextContentAsync("[data-valmsg-for=Email]")).Should().Contain("Adresse e-mail");
        (await page.TextContentAsync("[data-valmsg-for=Password]")).Should().NotBeNullOrWhiteSpace();
        await BrowserApp.ScreenshotAsync(page, "signup-errors-fr-desktop");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_the_visitor_language()
    {
        var shopper = await app.NewShopperAsync();
        var page = await app.NewPageAsync(language: "en-GB");
        await page.GotoAsync("/account/login");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("en", "Accept-Language picks the language");
        await page.GetByLabel("E-mail").FillAsync(shopper.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        (await page.TextContentAsync("[role=alert]")).Should().Contain("wrong");

        await page.GetByLabel("Password").FillAsync(shopper.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_scripts()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/");
        var headers = await response!.AllHeadersAsync();
        headers["content-security-policy"].Should().Contain("script-src 'self'").And.NotContain("unsafe-inline");
        headers["x-frame-options"].Should().Be("DENY");
        headers["x-content-type-options"].Should().Be("nosniff");
    }
}
