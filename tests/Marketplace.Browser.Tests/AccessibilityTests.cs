using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Issue 23: every page of the storefront (signed out and signed in), the cooperative space and the administration, in
/// Arabic and French, at 360 px and 1280 px, passes axe-core without a serious or critical violation, writes nothing to
/// the browser's console as an error and asks for nothing that answers 404 (the favicon included).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    private sealed record Site(ShopData.Cooperative Coop, ShopData.Product Drawn, ShopData.Product Photographed, TestUser Shopper, Guid Order,
        Guid SubOrder, Guid Experience, Guid Certificate, Guid Fair, Guid Member);

    private static Site? site;
    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>axe-core itself (the Deque package's bundle), loaded into every page of these tests' browser contexts.</summary>
    private static readonly string Axe = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// axe-core run on the page's document (no frames here), its violations as [impact, rule, help, where...]. Run in the
    /// page rather than through the package's run-then-merge in a fresh page: the same rules, four times faster.
    /// </summary>
    private const string RunAxe = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v =>
            [v.impact, v.id, v.help, ...v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120))])
        """;

    /// <summary>A cooperative with a product drawn and one photographed, a delivered order of a shopper, a visit: made once for the class.</summary>
    private async Task<Site> SiteAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (site is not null) return site;
            var word = ShopData.ArabicWord();
            var coop = await app.NewCooperativeAsync($"تعاونية الولوج {word}", $"Coopérative Accès {word}");
            var drawn = await coop.NewProductAsync($"عسل {word}", $"Miel {word}", 120m, category: "honey", unit: "500 g");
            var photographed = await coop.NewProductAsync($"أملو {word}", $"Amlou {word}", 80m, withImage: true, labels: ["ORGANIC"]);
            var certificate = (await (await coop.Owner.Client.GetAsync($"/api/products/{photographed.Id}")).Json())["labels"]![0]!["certificateId"]!
                .GetValue<Guid>();
            var shopper = await app.NewShopperAsync("a11y");
            var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (new MarketProduct(drawn.Id, "", new(coop.Id, coop.Owner), 120m), 1)));
            await new MarketCooperative(coop.Id, coop.Owner).DeliverAsync(order);
            var experience = (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences", new
            {
                title = new { fr = $"Visite {word}", ar = $"زيارة {word}" }, meetingPoint = "Coopérative, Tafraout", durationMinutes = 90,
                languages = new[] { "ar", "fr" }, pricePerPerson = 150, cancellation = "24h",
            })).ShouldHaveStatus(201)).Json()).Id();
            await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences/{experience}/slots", new
            {
                startsAt = DateTime.UtcNow.Date.AddDays(12).ToString("yyyy-MM-dd") + "T10:00", capacity = 8,
            })).ShouldHaveStatus(201);
            var fair = (await (await (await coop.Admin.Client.PostJson("/api/admin/fairs", new
            {
                name = $"Salon {word}", place = "Agadir, place Al Amal", from = DateTime.UtcNow.ToString("yyyy-MM-dd"),
                to = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
            })).ShouldHaveStatus(201)).Json()).Id();
            var member = (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/members", new
            {
                fullName = "Fadma Ait Lahcen", role = "member", joinedOn = "2019-01-01", gender = "female", shares = 3,
            })).ShouldHaveStatus(201)).Json()).Id();
            return site = new Site(coop, drawn, photographed, shopper, order.Id(), order.SubOrderOf(new MarketCooperative(coop.Id, coop.Owner)).Id(),
                experience, certificate, fair, member);
        }
        finally { Once.Release(); }
    }

    private static string[] Storefront(Site s) =>
    [
        "/", "/search", "/search?q=miel&sort=rating", "/search?category=solidarity-tourism", $"/products/{s.Drawn.Id}", $"/products/{s.Photographed.Id}",
        "/cooperatives", "/cooperatives?sector=honey", $"/cooperatives/{s.Coop.Id}", "/cart", "/experiences", $"/experiences/{s.Experience}",
        "/impact", "/fairs", $"/fairs/{s.Fair}", $"/certificates/{s.Certificate}",
    ];

    [Fact]
    public async Task The_check_finds_a_picture_without_a_text_alternative_and_a_field_without_a_label()
    {
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<html lang='fr'><head><title>t</title></head><body><main><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><input name='q'></main></body></html>");
        await page.EvaluateAsync(Axe);
        var found = await page.EvaluateAsync<string[][]>(RunAxe);
        found.Select(v => (v[0], v[1])).Should().Contain([("critical", "image-alt"), ("critical", "label")]);
    }

    [Fact]
    public async Task A_refused_field_says_so_and_points_at_its_error_message()
    {
        var page = await app.NewPageAsync(phone: true, language: "fr");
        await page.GotoAsync("/account/register?lang=fr");
        await page.Locator("#DisplayName").FillAsync("Khadija");
        await page.Locator("#Email").FillAsync($"a11y-{Guid.NewGuid():N}@example.ma");
        await page.Locator("#Password").FillAsync("court");
        await page.Locator("main form button[type=submit]").ClickAsync();

        var password = page.Locator("#Password");
        await Assertions.Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        var message = (await password.GetAttributeAsync("aria-describedby"))!.Split(' ').Last();
        (await page.Locator($"#{message}").TextContentAsync()).Should().NotBeNullOrWhiteSpace("the message the field points at says what is wrong");
        (await page.Locator("#Email").GetAttributeAsync("aria-invalid")).Should().BeNull("an accepted field is not marked");
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Every_link_button_and_field_of_the_shop_is_reached_with_the_tab_key_and_shows_where_the_focus_is(string lang)
    {
        var s = await SiteAsync();
        var page = await app.NewPageAsync(phone: false, language: lang);
        foreach (var path in new[] { "/", $"/products/{s.Photographed.Id}", "/search?q=miel", "/cooperatives" })
        {
            await page.GotoAsync(path);
            var focusable = await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex=\"0\"]').length");
            var seen = new HashSet<string>();
            for (var i = 0; i < focusable + 1; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focus = await page.EvaluateAsync<string[]>("""
                    () => { const e = document.activeElement; const s = getComputedStyle(e);
                      return [e.outerHTML.slice(0, 80), s.outlineStyle, s.outlineWidth, String(e === document.body)]; }
                    """);
                if (focus[3] == "true") continue;
                seen.Add(focus[0]);
                (focus[1] != "none" && focus[2] != "0px").Should().BeTrue($"{path}: the focus on {focus[0]} is visible");
            }
            seen.Count.Should().BeGreaterThanOrEqualTo(focusable - 1, $"{path}: every link, button and field is reached");
        }
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_storefront_signed_out_and_signed_in_passes_axe_core_with_a_clean_console(string lang)
    {
        var s = await SiteAsync();
        var problems = new List<string>();
        await Task.WhenAll(new[] { true, false }.Select(async phone =>
        {
            var visitor = await PageAsync(phone, lang, problems);
            if (phone)
            {
                await BrowserApp.ScreenshotAsync(await Loaded(visitor, $"/?lang={lang}", idle: true), $"home-{lang}-phone");
                KeepHomeBefore(lang);
                (await visitor.EvaluateAsync<int>("() => document.documentElement.scrollHeight")).Should().BeLessThan(4 * 740, "the home page is about 4 screens at most");
            }
            await CheckAsync(visitor, [.. Storefront(s), "/account/login", "/account/register"], problems);

            var shopper = await PageAsync(phone, lang, problems);
            await shopper.SignInAsync(s.Shopper, lang, "/");
            await CheckAsync(shopper, ["/", $"/products/{s.Drawn.Id}", "/account/orders", $"/orders/{s.Order}",
                $"/orders/{s.Order}/invoices/{s.SubOrder}", "/account/bookings", "/account/notifications", "/account/memberships"], problems);
            await shopper.GotoAsync($"/products/{s.Photographed.Id}?lang={lang}");
            await shopper.Locator("form.add-to-cart button").ClickAsync();
            await shopper.WaitForURLAsync("**/cart");
            await CheckAsync(shopper, ["/cart", "/checkout"], problems);
        }));
        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_cooperative_space_passes_axe_core_with_a_clean_console(string lang)
    {
        var s = await SiteAsync();
        var problems = new List<string>();
        var home = $"/coop/{s.Coop.Id}";
        await Task.WhenAll(new[] { true, false }.Select(async phone =>
        {
            var page = await PageAsync(phone, lang, problems);
            await page.SignInAsync(s.Coop.Owner, lang, home);
            await CheckAsync(page, ["/coop", home, $"{home}/orders", $"{home}/products", $"{home}/products/new", $"{home}/products/{s.Drawn.Id}",
                $"{home}/balance", $"{home}/members", $"{home}/economy", $"{home}/supplies", $"{home}/assemblies", $"{home}/staff", $"{home}/delivery",
                $"{home}/certificates", $"{home}/experiences", $"{home}/calendar", $"{home}/reviews", $"{home}/invoices", $"{home}/tax-identity",
                $"{home}/payout-account", $"{home}/members/{s.Member}", $"{home}/members/{s.Member}/statement", "/coop/apply"], problems);
        }));
        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_administration_passes_axe_core_with_a_clean_console(string lang)
    {
        var s = await SiteAsync();
        var problems = new List<string>();
        await Task.WhenAll(new[] { true, false }.Select(async phone =>
        {
            var page = await app.AdminPageAsync(phone, lang);
            await WatchAsync(page, problems);
            await CheckAsync(page, ["/admin", "/admin/cooperatives", $"/admin/cooperatives/{s.Coop.Id}", "/admin/certificates", "/admin/reviews",
                "/admin/categories", "/admin/fairs", $"/admin/fairs/{s.Fair}", "/admin/dashboard", "/admin/commission", "/admin/payout-runs", "/admin/payouts",
                "/admin/reconciliation", "/admin/bank-batches", "/admin/payments", "/admin/outbox", "/admin/notifications", "/admin/users"], problems);
        }));
        problems.Should().BeEmpty();
    }

    /// <summary>The home page as it was before issue 23 (docs/screenshots), beside the present one in the test output.</summary>
    private static void KeepHomeBefore(string lang)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "docs", "screenshots"))) folder = folder.Parent;
        if (folder is null) return;
        var before = Path.Combine(folder.FullName, "docs", "screenshots", $"home-before-{lang}-phone.png");
        File.Copy(before, Path.Combine(BrowserApp.Screenshots, $"home-{lang}-phone-before.png"), overwrite: true);
    }

    private async Task<IPage> PageAsync(bool phone, string lang, List<string> problems)
    {
        var page = await app.NewPageAsync(phone, lang);
        await WatchAsync(page, problems);
        return page;
    }

    /// <summary>Every console error and every answer of 404 or more becomes a problem of the page it came from; axe-core is in every page.</summary>
    private static async Task WatchAsync(IPage page, List<string> problems)
    {
        await page.Context.AddInitScriptAsync(Axe);
        var width = page.ViewportSize?.Width;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (problems) problems.Add($"{page.Url} [{width}px]: console error: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) lock (problems) problems.Add($"{page.Url} [{width}px]: {response.Status} for {response.Url}");
        };
    }

    /// <summary>The page loaded (its stylesheet, scripts and images in view); with <paramref name="idle"/>, also what it asks for after.</summary>
    private static async Task<IPage> Loaded(IPage page, string path, bool idle = false)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(idle ? LoadState.NetworkIdle : LoadState.Load);
        return page;
    }

    /// <summary>Each page, after everything it asks for has come: axe-core's serious and critical violations, with where they are.</summary>
    private static async Task CheckAsync(IPage page, IEnumerable<string> paths, List<string> problems)
    {
        foreach (var path in paths)
        {
            await Loaded(page, path, idle: path == "/");
            var violations = await page.EvaluateAsync<string[][]>(RunAxe);
            foreach (var v in violations.Where(v => v[0] is "serious" or "critical"))
                lock (problems) problems.Add($"{path} [{page.ViewportSize?.Width}px]: {v[0]} {v[1]} ({v[2]}) at {string.Join(" | ", v[3..])}");
        }
    }
}
