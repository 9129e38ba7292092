using System.Text.RegularExpressions;
using Marketplace.Testing.Cmi;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The website with CMI as its card provider, the CMI fake as its gateway (it posts its callbacks to this Host's port).</summary>
public sealed class CmiBrowserApp : BrowserApp
{
    public CmiFake Cmi { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Cmi = await CmiFake.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Marketplace:Payments:CardProvider"] = "cmi";
        settings["Marketplace:Cmi:ClientId"] = Cmi.ClientId;
        settings["Marketplace:Cmi:StoreKey"] = Cmi.StoreKey;
        settings["Marketplace:Cmi:GatewayUrl"] = Cmi.GatewayUrl;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Cmi.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CmiBrowserCollection : ICollectionFixture<CmiBrowserApp>
{
    public const string Name = "browser-cmi";
}

/// <summary>
/// Issue 15, CMI: a shopper pays by card through CMI's hosted page, as a person would: checkout with the card, our page with
/// CMI's form and its button, CMI's page, back to the order paid; or declined, back, "Pay now", paid. On a 360 px phone, in
/// Arabic and in French, with screenshots of each step.
/// </summary>
[Collection(CmiBrowserCollection.Name)]
public sealed class CmiCheckoutTests(CmiBrowserApp app)
{
    private sealed record Say(string Card, string PlaceOrder, string Continue, string Paid, string PayNow);

    private static readonly Dictionary<string, Say> Texts = new()
    {
        ["fr"] = new("Carte bancaire", "Confirmer la commande", "Continuer vers le paiement sécurisé", "Payée", "Payer maintenant"),
        ["ar"] = new("البطاقة البنكية", "تأكيد الطلب", "المتابعة إلى الأداء الآمن", "مؤدى", "ادفع الآن"),
    };

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_shopper_pays_by_card_on_cmis_page_and_comes_back_to_the_order_paid(string lang)
    {
        var (page, say) = await PlaceCardOrderAsync(lang, 148.5m);

        await ThroughCmiAsync(page, say, "Pay", lang, "paid");

        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}\\?payment=done$"));
        (await page.TextContentAsync("[data-order-status]")).Should().Be(say.Paid, "CMI's callback came before the shopper");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        await BrowserApp.ScreenshotAsync(page, $"cmi-4-paid-{lang}-phone");
        app.Cmi.Callbacks.Last().Answer.Should().Be("ACTION=POSTAUTH");
        app.Cmi.RefusedForms.Should().Be(0, "CMI found the form's hash right");
        app.OutsideRequests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_shopper_whose_card_cmi_declines_comes_back_and_pays_with_pay_now(string lang)
    {
        var (page, say) = await PlaceCardOrderAsync(lang, 66m);
        await ThroughCmiAsync(page, say, "Decline", lang, "declined");
        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}\\?payment=cancelled$"));
        app.Cmi.Callbacks.Last().Answer.Should().Be("APPROVED");

        await page.GetByRole(AriaRole.Button, new() { Name = say.PayNow }).ClickAsync();
        await ThroughCmiAsync(page, say, "Pay", lang, "paid-after-pay-now");

        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}\\?payment=done$"));
        (await page.TextContentAsync("[data-order-status]")).Should().Be(say.Paid);
        await BrowserApp.ScreenshotAsync(page, $"cmi-6-paid-after-pay-now-{lang}-phone");
    }

    /// <summary>Our page with CMI's form, its button, CMI's page, and the shopper's choice there.</summary>
    private static async Task ThroughCmiAsync(IPage page, Say say, string choice, string lang, string shot)
    {
        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}/pay$"));
        (await page.Locator("[data-cmi-form] input[name=hashAlgorithm]").GetAttributeAsync("value")).Should().Be("ver3");
        await BrowserApp.ScreenshotAsync(page, $"cmi-2-our-pay-page-{shot}-{lang}-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = say.Continue }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/fim/est3Dgate$"));
        await BrowserApp.ScreenshotAsync(page, $"cmi-3-cmi-page-{shot}-{lang}-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = choice, Exact = true }).ClickAsync();
    }

    private async Task<(IPage Page, Say Say)> PlaceCardOrderAsync(string lang, decimal price)
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative Idaw {word}", province: "taroudant");
        var saffron = await cooperative.NewProductAsync($"زعفران {word}", $"Safran {word}", price, category: "saffron", unit: "1 g");
        var shopper = await app.NewShopperAsync("cmi-cardholder");
        var page = await app.NewPageAsync(phone: true, language: lang);
        await page.GotoAsync($"/account/login?lang={lang}");
        await CheckoutJourneyTests.SignInAsync(page, shopper, Words.Of(lang));
        await page.WaitForURLAsync(url => !url.Contains("/account/login"), new() { Timeout = 90_000, WaitUntil = WaitUntilState.Commit }); // signed in: the home page need not finish loading (slow on a busy machine)
        await StorefrontTests.AddToCartAsync(page, saffron, 1);
        await page.GotoAsync($"/checkout?lang={lang}");
        await CheckoutJourneyTests.FillAddressAsync(page, Words.Of(lang));
        await BrowserApp.ScreenshotAsync(page, $"cmi-1-checkout-{lang}-phone");
        var say = Texts[lang];
        await page.GetByLabel(say.Card).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = say.PlaceOrder }).ClickAsync();
        return (page, say);
    }
}
