using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Issue 7's third journey: an administrator verifies a cooperative and runs payouts, in Arabic on a phone and in
/// French on a desktop. Data that is not under test comes through the HTTP API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(BrowserApp app)
{
    private sealed record Words(string Cooperatives, string Pending, string Verify, string Verified, string VerifiedNotice, string VerifiedInHistory);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["fr"] = new("Coopératives", "En attente", "Vérifier la coopérative", "Vérifiée", "La coopérative est vérifiée", "Vérifiée"),
        ["ar"] = new("التعاونيات", "في الانتظار", "توثيق التعاونية", "موثّقة", "تم توثيق التعاونية", "تم التوثيق"),
    };

    [Fact]
    public Task An_administrator_verifies_a_cooperative_in_arabic_on_a_phone() => VerifiesAsync(phone: true, "ar");

    [Fact]
    public Task An_administrator_verifies_a_cooperative_in_french_on_a_desktop() => VerifiesAsync(phone: false, "fr");

    private async Task VerifiesAsync(bool phone, string lang)
    {
        var words = Texts[lang];
        var device = phone ? "phone" : "desktop";
        var cooperative = await app.NewPendingCooperativeAsync();
        var shownName = lang == "ar" ? cooperative.ArabicName : cooperative.Name;
        (await app.InDirectoryAsync(cooperative)).Should().BeFalse("a pending cooperative is not in the public directory");

        var page = await app.AdminPageAsync(phone, lang);
        (await page.GetAttributeAsync("html", "dir")).Should().Be(lang == "ar" ? "rtl" : "ltr");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = words.Cooperatives, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/cooperatives");
        (await page.Locator(".admin-tabs a[aria-current=page]").InnerTextAsync()).Should().Contain(words.Pending, "pending cooperatives come first");
        var row = page.Locator("tbody tr", new() { HasText = shownName });
        (await row.CountAsync()).Should().Be(1, "the new application waits in the pending list");
        (await row.InnerTextAsync()).Should().Contain(words.Pending).And.Contain(lang == "ar" ? "تيزنيت" : "Tiznit");
        await BrowserApp.ScreenshotAsync(page, $"admin-pending-{lang}-{device}");

        await row.GetByRole(AriaRole.Link, new() { Name = shownName }).ClickAsync();
        await page.WaitForURLAsync($"**/admin/cooperatives/{cooperative.Id}");
        (await page.Locator("[data-testid=coop-status]").InnerTextAsync()).Should().Be(words.Pending);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Verify }).ClickAsync();

        await page.WaitForURLAsync($"**/admin/cooperatives/{cooperative.Id}");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain(words.VerifiedNotice);
        (await page.Locator("[data-testid=coop-status]").InnerTextAsync()).Should().Be(words.Verified);
        (await page.Locator("table tbody").Last.InnerTextAsync()).Should().Contain(words.VerifiedInHistory, "the history shows the verification");
        await BrowserApp.ScreenshotAsync(page, $"admin-verified-{lang}-{device}");
        (await app.InDirectoryAsync(cooperative)).Should().BeTrue("a verified cooperative is in the public directory");

        await page.GotoAsync("/admin/cooperatives?status=pending");
        (await page.Locator("tbody tr", new() { HasText = shownName }).CountAsync()).Should().Be(0);
        app.OutsideRequests.Should().BeEmpty();
    }
}
