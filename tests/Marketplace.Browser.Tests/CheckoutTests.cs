using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>Checkout's promises: the cart survives sign-in, a double submit makes one order, a refusal for stock names the product.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckoutTests(BrowserApp app)
{
    private static readonly Words Fr = Words.Of("fr");

    [Fact]
    public async Task The_cart_of_a_signed_out_visitor_survives_sign_in_and_checkout_shows_it()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative {word}");
        var couscous = await cooperative.NewProductAsync($"كسكس {word}", $"Couscous d'orge {word}", 45m, category: "couscous-cereals", unit: "1 kg");
        var shopper = await app.NewShopperAsync("returning");
        var page = await app.NewPageAsync();

        await StorefrontTests.AddToCartAsync(page, couscous, 3);
        await page.GotoAsync("/checkout"); // the language is remembered from the product page
        await page.WaitForURLAsync("**/account/login?ReturnUrl=%2Fcheckout");
        await CheckoutJourneyTests.SignInAsync(page, shopper, Fr);

        await page.WaitForURLAsync("**/checkout");
        var line = page.Locator(".cart-part tbody tr", new() { HasText = couscous.NameFr });
        (await line.TextContentAsync()).Should().Contain("3").And.Contain("135,00 MAD");
        (await page.TextContentAsync("header .cart")).Should().Contain("(3)");
        (await page.InputValueAsync("#ShippingAddress_FullName")).Should().Be("returning", "the form starts with the shopper's name");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).CountAsync()).Should().Be(1, "the shopper is signed out");
        (await page.TextContentAsync("header .cart")).Should().Contain("(3)", "the cart stays with the browser after signing out");
    }

    [Fact]
    public async Task A_double_submitted_checkout_makes_one_order()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative {word}");
        var dates = await cooperative.NewProductAsync($"تمر {word}", $"Dattes Boufeggous {word}", 70m, stock: 10, category: "dates", unit: "1 kg");
        var shopper = await app.NewShopperAsync("hasty");
        var page = await app.NewPageAsync();
        await SignedInWithCartAsync(page, shopper, dates, 2);
        await CheckoutJourneyTests.FillAddressAsync(page, Fr);

        // Two submits of the same form at once, as an impatient double click sends them.
        var fields = await page.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries(new FormData(document.querySelector('#checkout')))");
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields) form.Set(name, value);
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            page.APIRequest.PostAsync("/checkout", new() { Form = form, MaxRedirects = 0 })));

        answers.Select(a => a.Status).Should().Equal(302, 302);
        var locations = answers.Select(a => a.Headers["location"]).ToList();
        locations.Distinct().Should().ContainSingle("both submits lead to the same order").Which.Should().MatchRegex("^/orders/[0-9a-f-]{36}$");
        var orders = await (await shopper.Client.GetAsync("/api/orders")).Json();
        orders["total"]!.GetValue<int>().Should().Be(1);
        (await (await shopper.Client.GetAsync($"/api/products/{dates.Id}")).Json())["stock"]!.GetValue<int>().Should().Be(8, "two were sold once");

        await page.GotoAsync("/account/orders");
        (await page.Locator("tbody tr").CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_checkout_refused_for_stock_names_the_product_beside_its_line_and_orders_nothing()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative {word}");
        var saffron = await cooperative.NewProductAsync($"زعفران {word}", $"Safran de Taliouine {word}", 95m, stock: 3, category: "saffron",
            labels: ["AOP"], unit: "1 g");
        var soap = await cooperative.NewProductAsync($"صابون {word}", $"Savon beldi {word}", 30m, stock: 10, category: "soaps");
        var shopper = await app.NewShopperAsync("unlucky");
        var page = await app.NewPageAsync();
        await StorefrontTests.AddToCartAsync(page, soap, 1);
        await SignedInWithCartAsync(page, shopper, saffron, 2);
        await CheckoutJourneyTests.FillAddressAsync(page, Fr);

        await saffron.SetStockAsync(1); // another sale took the rest while the shopper typed
        await page.GetByRole(AriaRole.Button, new() { Name = Fr.PlaceOrder }).ClickAsync();

        await page.WaitForURLAsync("**/checkout");
        (await page.TextContentAsync("p[role=alert]")).Should().Contain("Stock insuffisant");
        var line = page.Locator(".cart-part tbody tr", new() { HasText = saffron.NameFr });
        (await line.Locator("[role=alert]").TextContentAsync()).Should().Be("Stock insuffisant : 2 demandé(s), 1 disponible(s).");
        (await page.Locator(".cart-part tbody tr", new() { HasText = soap.NameFr }).Locator("[role=alert]").CountAsync()).Should().Be(0);
        (await page.InputValueAsync("#ShippingAddress_City")).Should().Be("Agadir", "what was typed is kept");
        await BrowserApp.ScreenshotAsync(page, "checkout-refused-fr-desktop");
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Checkout_fields_refused_by_the_orders_module_are_explained_beside_them_and_the_shopper_can_cancel_an_order()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative {word}");
        var oil = await cooperative.NewProductAsync($"زيت زيتون {word}", $"Huile d'olive {word}", 80m, stock: 4, category: "olive-oil", unit: "1 L");
        var shopper = await app.NewShopperAsync("careful");
        var page = await app.NewPageAsync(phone: true);
        await SignedInWithCartAsync(page, shopper, oil, 1, lang: "ar");
        await CheckoutJourneyTests.FillAddressAsync(page, Words.Of("ar"));
        await page.GetByLabel("رقم الهاتف", new() { Exact = true }).FillAsync("pas un numéro");
        await page.GetByLabel("المدينة", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "تأكيد الطلب" }).ClickAsync();

        (await page.TextContentAsync("[data-valmsg-for='ShippingAddress.Phone']")).Should().Contain("أدخلوا رقم هاتف");
        (await page.TextContentAsync("[data-valmsg-for='ShippingAddress.City']")).Should().Contain("أدخلوا المدينة");
        (await page.InputValueAsync("#ShippingAddress_Line1")).Should().Contain("زنقة الحسن الثاني");
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "checkout-errors-ar-phone");

        await page.GetByLabel("رقم الهاتف", new() { Exact = true }).FillAsync("+212 661 234 567");
        await page.GetByLabel("المدينة", new() { Exact = true }).FillAsync("تزنيت");
        await page.GetByRole(AriaRole.Button, new() { Name = "تأكيد الطلب" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "إلغاء الطلب" }).ClickAsync();

        (await page.TextContentAsync("[data-order-status]")).Should().Be("ملغى");
        (await page.TextContentAsync("p[role=status]")).Should().Contain("تم إلغاء الطلب");
        (await page.GetByRole(AriaRole.Button, new() { Name = "إلغاء الطلب" }).CountAsync()).Should().Be(0);
        await Poll.UntilAsync(async () => (await (await shopper.Client.GetAsync($"/api/products/{oil.Id}")).Json())["stock"]!.GetValue<int>(),
            stock => stock == 4, what: "the stock of a cancelled order to return");
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "order-cancelled-ar-phone");
    }

    private async Task SignedInWithCartAsync(IPage page, TestUser shopper, ShopData.Product product, int quantity, string lang = "fr")
    {
        await page.GotoAsync($"/account/login?lang={lang}");
        await CheckoutJourneyTests.SignInAsync(page, shopper, Words.Of(lang));
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await StorefrontTests.AddToCartAsync(page, product, quantity, lang);
        await page.GotoAsync("/checkout");
    }
}
