using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The administration's pages: who may see them, refusals shown beside the fields, the programme's dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_shopper_who_opens_the_administration_gets_the_403_page()
    {
        var shopper = await app.NewShopperAsync("curious");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login?lang=fr");
        await page.GetByLabel("Adresse e-mail").FillAsync(shopper.Email);
        await page.GetByLabel("Mot de passe").FillAsync(shopper.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");

        var response = await page.GotoAsync("/admin/cooperatives");
        response!.Status.Should().Be(403);
        (await page.TextContentAsync("main")).Should().Contain("Vous n'avez pas accès à cette page.");
        (await page.Locator("a[href='/admin']").CountAsync()).Should().Be(0, "the layout offers no administration link to a shopper");
        await BrowserApp.ScreenshotAsync(page, "admin-403-fr-desktop");
        foreach (var path in new[] { "/admin", "/admin/commission", "/admin/payout-runs", "/admin/payouts", "/admin/payouts?handler=Batch",
                     "/admin/reconciliation", "/admin/dashboard", "/admin/jobs", "/admin/certificates" })
            (await page.GotoAsync(path))!.Status.Should().Be(403, path);
        var post = await page.APIRequest.PostAsync("/admin/payout-runs", new() { Form = page.APIRequest.CreateFormData().Set("PeriodEnd", "2026-01-31") });
        post.Status.Should().BeOneOf(400, 403);

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/admin/payouts");
        visitor.Url.Should().Contain("/account/login", "a visitor is asked to sign in first");
    }

    [Fact]
    public async Task A_form_of_the_administration_posted_without_its_antiforgery_token_is_refused()
    {
        var page = await app.AdminPageAsync(phone: false, "fr");
        var before = await (await (await app.AdminAsync()).Client.GetAsync("/api/admin/commission")).Json();
        var post = await page.APIRequest.PostAsync("/admin/commission", new() { Form = page.APIRequest.CreateFormData().Set("DefaultRate", "49") });
        post.Status.Should().Be(400);
        var after = await (await (await app.AdminAsync()).Client.GetAsync("/api/admin/commission")).Json();
        after["defaultRate"]!.GetValue<decimal>().Should().Be(before["defaultRate"]!.GetValue<decimal>(), "nothing changed");
    }

    [Fact]
    public async Task Commission_rates_are_typed_as_percentages_refused_beside_the_field_when_out_of_range_and_kept_in_the_history()
    {
        var page = await app.AdminPageAsync(phone: false, "fr");
        await page.GotoAsync("/admin/commission");
        var pottery = page.GetByLabel("Poterie", new() { Exact = true });
        await pottery.FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les taux" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for='Rates[pottery]']")).Should().Contain("entre 0 et 50");
        (await pottery.InputValueAsync()).Should().Be("75", "what was typed is kept");
        (await page.Locator("[role=alert]").First.InnerTextAsync()).Should().Contain("Veuillez corriger");

        await pottery.FillAsync("12,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les taux" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("Les nouveaux taux sont en vigueur");
        (await page.GetByLabel("Poterie", new() { Exact = true }).InputValueAsync()).Should().Be("12,5");
        (await page.Locator("[data-testid=commission-history] tbody tr").First.InnerTextAsync()).Should().Contain("Poterie 12,5 %");
        var rates = await (await (await app.AdminAsync()).Client.GetAsync("/api/admin/commission")).Json();
        rates["categoryRates"]!["pottery"]!.GetValue<decimal>().Should().Be(0.125m);
        await BrowserApp.ScreenshotAsync(page, "admin-commission-fr-desktop");

        await page.GotoAsync("/admin/commission?lang=ar");
        await page.SetViewportSizeAsync(360, 740);
        (await page.GetByLabel("الفخار", new() { Exact = true }).InputValueAsync()).Should().Be("12,5");
        await BrowserApp.ScreenshotAsync(page, "admin-commission-ar-phone");
        app.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_suspension_needs_a_reason_which_the_history_keeps_and_a_reinstatement_ends_it()
    {
        var cooperative = await app.NewPendingCooperativeAsync();
        var admin = await app.AdminAsync();
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{cooperative.Id}/verify")).ShouldHaveStatus(200);
        var page = await app.AdminPageAsync(phone: false, "fr");
        await page.GotoAsync($"/admin/cooperatives/{cooperative.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Suspendre la coopérative" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for=Reason]")).Should().Contain("Ce champ est obligatoire.");
        (await page.Locator("[data-testid=coop-status]").InnerTextAsync()).Should().Be("Vérifiée", "nothing changed");

        await page.GetByLabel("Motif de la suspension").FillAsync("Autorisation ONSSA expirée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspendre la coopérative" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("La coopérative est suspendue");
        (await page.Locator("[data-testid=coop-status]").InnerTextAsync()).Should().Be("Suspendue");
        (await page.Locator(".admin-facts").InnerTextAsync()).Should().Contain("Autorisation ONSSA expirée");
        (await page.Locator("tbody tr", new() { HasText = "Autorisation ONSSA expirée" }).CountAsync()).Should().Be(1, "the history keeps the reason");
        (await app.InDirectoryAsync(cooperative)).Should().BeFalse();
        await BrowserApp.ScreenshotAsync(page, "admin-suspended-fr-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Rétablir la coopérative" }).ClickAsync();
        (await page.Locator("[data-testid=coop-status]").InnerTextAsync()).Should().Be("Vérifiée");
        (await app.InDirectoryAsync(cooperative)).Should().BeTrue();
    }

    [Fact]
    public async Task The_dashboard_shows_the_sales_of_a_cooperative_by_province_category_and_cooperative_with_charts()
    {
        var market = new HttpMarket(app);
        var cooperative = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(cooperative, price: 185.50m, stock: 10);
        var order = await app.OrderWithCashAsync(product, quantity: 2);
        var name = (await (await app.Anonymous().GetAsync($"/api/cooperatives/{cooperative.Id}?lang=fr")).Json())["name"]!.GetValue<string>();

        var page = await app.AdminPageAsync(phone: false, "fr");
        await page.GotoAsync("/admin/dashboard?granularity=day");
        var coopRow = page.Locator("[data-testid=sales-cooperative] tr", new() { HasText = name });
        (await coopRow.InnerTextAsync()).Should().Contain("371,00");
        (await page.Locator("[data-testid=sales-category] tr", new() { HasText = "Huile d'argan alimentaire" }).CountAsync()).Should().Be(1);
        (await page.Locator("[data-testid=sales-province] tr", new() { HasText = "Taroudant" }).InnerTextAsync()).Should().MatchRegex(@"\d");
        (await page.Locator("[data-testid=coops-by-province] tr", new() { HasText = "Taroudant" }).InnerTextAsync()).Should().MatchRegex(@"[1-9]");
        await page.Locator("canvas[data-chart=cooperative][data-drawn=true]").WaitForAsync();
        (await page.Locator("canvas[data-drawn=true]").CountAsync()).Should().Be(3, "chart.js draws the three charts from the page's JSON block");
        await BrowserApp.ScreenshotAsync(page, "admin-dashboard-fr-desktop");

        await page.GotoAsync("/admin/dashboard?lang=ar&granularity=day");
        (await page.Locator("[data-testid=sales-province] tr", new() { HasText = "تارودانت" }).CountAsync()).Should().Be(1);
        await page.Locator("canvas[data-chart=province][data-drawn=true]").WaitForAsync();
        await page.SetViewportSizeAsync(360, 740);
        await BrowserApp.ScreenshotAsync(page, "admin-dashboard-ar-phone");
        order["total"]!["amount"]!.GetValue<decimal>().Should().Be(371.00m);
        app.OutsideRequests.Should().BeEmpty();
    }
}
