using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// The shopper's journey of issue 7: an Arabic search, a cart from two cooperatives, sign-in on the way to checkout,
/// cash on delivery, the confirmation and "my orders", on a phone in Arabic and on a desktop in French.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CheckoutJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData(true, "ar")]
    [InlineData(false, "fr")]
    public async Task A_shopper_finds_a_product_by_an_arabic_search_orders_from_two_cooperatives_with_cash_on_delivery_and_sees_the_order(
        bool phone, string lang)
    {
        var w = Words.Of(lang);
        var shot = $"{lang}-{(phone ? "phone" : "desktop")}";
        var word = ShopData.ArabicWord();
        var argan = await app.NewCooperativeAsync($"تعاونية تاركانت {word}", $"Coopérative Targant {word}", province: "chtouka-ait-baha", flatFee: 30m);
        var honey = await app.NewCooperativeAsync($"تعاونية النحالين {word}", $"Coopérative des apiculteurs {word}", province: "taroudant");
        var amlou = await argan.NewProductAsync($"أملو بلدي {word}", $"Amlou beldi {word}", 120m, stock: 10, labels: ["LABEL_AGRICOLE"],
            foodSafetyNumber: "AS.81.112.20", withImage: true);
        var thyme = await honey.NewProductAsync($"عسل الزعتر {word}", $"Miel de thym {word}", 95.50m, stock: 5, category: "honey", unit: "500 g");
        var shopper = await app.NewShopperAsync("journey");
        var page = await app.NewPageAsync(phone);

        await page.GotoAsync($"/?lang={lang}");
        await BrowserApp.ScreenshotAsync(page, $"journey-1-home-{shot}");
        await SearchAsync(page, $"أملو {word}");
        var found = page.Locator(".product-card", new() { HasText = w.Name(amlou) });
        (await found.CountAsync()).Should().Be(1, "the Arabic search finds the amlou, whatever the page's language");
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"journey-2-search-{shot}");

        await found.GetByRole(AriaRole.Link, new() { Name = w.Name(amlou) }).ClickAsync();
        (await page.TextContentAsync(".labels-explained")).Should().Contain(w.AgriculturalLabel).And.Contain("AS.81.112.20");
        await page.Locator("#quantity").FillAsync("2");
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"journey-3-product-{shot}");
        await page.Locator("form.add-to-cart button").ClickAsync();
        await page.WaitForURLAsync("**/cart");
        await SearchAsync(page, $"عسل الزعتر {word}");
        await page.GetByRole(AriaRole.Link, new() { Name = w.Name(thyme) }).ClickAsync();
        await page.Locator("form.add-to-cart button").ClickAsync();
        await page.WaitForURLAsync("**/cart");

        (await page.Locator(".cart-part", new() { HasText = w.Name(argan) }).Locator("tfoot").TextContentAsync())
            .Should().Contain(w.Money("240,00")).And.Contain(w.Money("30,00")).And.Contain(w.Money("270,00"));
        (await page.Locator(".cart-part", new() { HasText = w.Name(honey) }).Locator("tfoot").TextContentAsync())
            .Should().Contain(w.Money("95,50")).And.Contain(w.Free);
        (await page.TextContentAsync("[data-total]")).Should().Be(w.Money("365,50"));
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"journey-4-cart-{shot}");

        await page.GetByRole(AriaRole.Link, new() { Name = w.Checkout }).ClickAsync();
        await page.WaitForURLAsync("**/account/login?ReturnUrl=%2Fcheckout");
        await SignInAsync(page, shopper, w);
        await page.WaitForURLAsync("**/checkout");
        (await page.TextContentAsync("[data-total]")).Should().Be(w.Money("365,50"), "the cart survives the sign-in");
        (await page.IsDisabledAsync("#pay-card")).Should().BeTrue("no Stripe keys are configured in this test host");
        (await page.TextContentAsync("#pay-card-hint")).Should().Be(w.CardUnavailable);
        await FillAddressAsync(page, w);
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"journey-5-checkout-{shot}");
        await page.GetByRole(AriaRole.Button, new() { Name = w.PlaceOrder }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}$"));
        var number = (await page.TextContentAsync("[data-order-number]"))!;
        number.Should().MatchRegex(@"^SM-\d{4}-\d{6}$");
        (await page.TextContentAsync("[role=status]")).Should().Contain(number);
        (await page.TextContentAsync("[data-order-status]")).Should().Be(w.Placed);
        (await page.TextContentAsync("[data-order-total]")).Should().Be(w.Money("365,50"));
        var parts = page.Locator(".sub-order");
        (await parts.CountAsync()).Should().Be(2, "one sub-order per cooperative");
        (await parts.Nth(0).TextContentAsync()).Should().Contain(w.Name(argan)).And.Contain(w.Name(amlou)).And.Contain(w.Money("270,00"));
        (await parts.Nth(1).TextContentAsync()).Should().Contain(w.Name(honey)).And.Contain(w.Name(thyme)).And.Contain(w.Money("95,50"));
        (await parts.Locator("[data-sub-status]").AllTextContentsAsync()).Should().Equal(w.SubPlaced, w.SubPlaced);
        (await page.TextContentAsync("header .cart")).Should().NotContain("(", "the ordered lines left the cart");
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"journey-6-confirmation-{shot}");

        await page.GotoAsync("/account/orders");
        var row = page.Locator("tbody tr", new() { HasText = number });
        (await row.TextContentAsync()).Should().Contain(w.Placed).And.Contain(w.Money("365,50"));
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"journey-7-my-orders-{shot}");
        app.OutsideRequests.Should().BeEmpty();
    }

    internal static async Task SearchAsync(IPage page, string query)
    {
        await page.Locator("header input[name=q]").FillAsync(query);
        await page.Locator("header form[role=search] button").ClickAsync();
        await page.WaitForURLAsync("**/search?q=*");
    }

    internal static async Task SignInAsync(IPage page, TestUser user, Words w)
    {
        await page.GetByLabel(w.Email).FillAsync(user.Email);
        await page.GetByLabel(w.Password).FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = w.SignIn, Exact = true }).ClickAsync();
    }

    internal static async Task FillAddressAsync(IPage page, Words w)
    {
        await page.GetByLabel(w.FullName, new() { Exact = true }).FillAsync(w.Lang == "ar" ? "فاطمة أيت باها" : "Fatima Ait Baha");
        await page.GetByLabel(w.Phone, new() { Exact = true }).FillAsync("06 61 23 45 67");
        await page.GetByLabel(w.Line1, new() { Exact = true }).FillAsync(w.Lang == "ar" ? "12 زنقة الحسن الثاني، حي الداخلة" : "12 rue Hassan II, quartier Dakhla");
        await page.GetByLabel(w.City, new() { Exact = true }).FillAsync(w.Lang == "ar" ? "أكادير" : "Agadir");
        await page.Locator("#ShippingAddress_PostalCode").FillAsync("80000");
    }
}

/// <summary>What the pages say in each language, as a shopper reads it.</summary>
public sealed record Words(string Lang, string Email, string Password, string SignIn, string Checkout, string PlaceOrder, string FullName,
    string Phone, string Line1, string City, string CardUnavailable, string Placed, string SubPlaced, string Free, string AgriculturalLabel,
    string Currency)
{
    public static Words Of(string lang) => lang == "ar"
        ? new("ar", "البريد الإلكتروني", "كلمة المرور", "دخول", "إتمام الطلب", "تأكيد الطلب", "الاسم الكامل", "رقم الهاتف", "العنوان", "المدينة",
            "الأداء بالبطاقة غير متاح بعد على المنصة، يرجى اختيار الدفع عند الاستلام.", "مسجل", "توصلت به التعاونية", "مجاني", "علامة فلاحية",
            "د.م.")
        : new("fr", "Adresse e-mail", "Mot de passe", "Se connecter", "Passer la commande", "Confirmer la commande", "Nom complet", "Téléphone",
            "Adresse", "Ville", "Le paiement par carte n'est pas encore disponible sur la plateforme : choisissez le paiement à la livraison.",
            "Enregistrée", "Reçue par la coopérative", "Gratuite", "Label agricole", "MAD");

    /// <summary>An amount as the page writes it: "365,50 د.م." in Arabic, "365,50 MAD" in French.</summary>
    public string Money(string number) => $"{number} {Currency}";

    public string Name(ShopData.Product p) => Lang == "ar" ? p.NameAr : p.NameFr;
    public string Name(ShopData.Cooperative c) => Lang == "ar" ? c.NameAr : c.NameFr;
}
