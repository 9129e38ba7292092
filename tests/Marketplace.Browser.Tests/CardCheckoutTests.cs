using System.Text.RegularExpressions;
using Marketplace.Testing.Stripe;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The platform with Stripe keys (Stripe pointed at the local fake, server side only: the pages load nothing of Stripe's).</summary>
public sealed class StripeBrowserApp : BrowserApp
{
    public StripeFake Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Stripe = await StripeFake.StartAsync();
        await base.InitializeAsync();
        Stripe.WebhookUrl = BaseUrl + StripeWebhook.Path; // the hosted page tells the platform, as Stripe does
        Stripe.WebhookDelay = TimeSpan.FromSeconds(1.5);
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Marketplace:Stripe:SecretKey"] = Stripe.SecretKey;
        settings["Marketplace:Stripe:WebhookSecret"] = Stripe.WebhookSecret;
        settings["Marketplace:Stripe:ApiBase"] = Stripe.ApiBase;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StripeBrowserCollection : ICollectionFixture<StripeBrowserApp>
{
    public const string Name = "browser-stripe";
}

/// <summary>
/// Issue 15: a shopper pays by card from the website, through the provider's hosted page, as a person would: cart,
/// checkout with the card, the payment page, back to the order ("being confirmed" until Stripe's webhook, then paid); or
/// the card declined, back to the order, "Pay now", paid. On a 360 px phone, in Arabic and in French, with screenshots.
/// </summary>
[Collection(StripeBrowserCollection.Name)]
public sealed class CardCheckoutTests(StripeBrowserApp app)
{
    private sealed record Say(string Card, string PlaceOrder, string Pending, string Paid, string PayNow);

    private static readonly Dictionary<string, Say> Texts = new()
    {
        ["fr"] = new("Carte bancaire", "Confirmer la commande", "En attente de paiement", "Payée", "Payer maintenant"),
        ["ar"] = new("البطاقة البنكية", "تأكيد الطلب", "في انتظار الأداء", "مؤدى", "ادفع الآن"),
    };

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_shopper_pays_by_card_on_stripes_page_and_comes_back_to_the_order_paid(string lang)
    {
        var (page, say) = await AtCheckoutAsync(lang, 180m);
        await page.GetByLabel(say.Card).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = say.PlaceOrder }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/pay/cs_test_"));
        (await page.TextContentAsync("h1")).Should().Contain("180.00 MAD");
        await BrowserApp.ScreenshotAsync(page, $"card-2-stripe-page-{lang}-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}\\?payment=done$"));
        (await page.Locator("[data-payment-confirming]").CountAsync()).Should().Be(1, "Stripe's webhook comes a moment later");
        await BrowserApp.ScreenshotAsync(page, $"card-3-being-confirmed-{lang}-phone");
        await page.Locator("[data-order-status]", new() { HasText = say.Paid }).WaitForAsync(new() { Timeout = 30_000 }); // the page refreshes itself
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        await BrowserApp.ScreenshotAsync(page, $"card-4-paid-{lang}-phone");
        app.OutsideRequests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_shopper_whose_card_is_declined_comes_back_and_pays_with_pay_now(string lang)
    {
        var (page, say) = await AtCheckoutAsync(lang, 95m);
        await page.GetByLabel(say.Card).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = say.PlaceOrder }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/pay/cs_test_"));
        var first = new Uri(page.Url).Segments.Last();
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}\\?payment=cancelled$"));
        (await page.TextContentAsync("[data-order-status]")).Should().Be(say.Pending);
        await BrowserApp.ScreenshotAsync(page, $"card-5-declined-{lang}-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = say.PayNow }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/pay/cs_test_"));
        var second = new Uri(page.Url).Segments.Last();
        second.Should().NotBe(first, "a fresh payment page");
        app.Stripe.Sessions[first]["status"]!.GetValue<string>().Should().Be("expired", "one attempt is open at a time");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}\\?payment=done$"));
        await page.Locator("[data-order-status]", new() { HasText = say.Paid }).WaitForAsync(new() { Timeout = 30_000 });
        await BrowserApp.ScreenshotAsync(page, $"card-6-paid-after-pay-now-{lang}-phone");
    }

    /// <summary>A signed-in shopper on a phone with a product in the cart, at the checkout with the address filled in.</summary>
    private async Task<(IPage Page, Say Say)> AtCheckoutAsync(string lang, decimal price)
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative Tamri {word}", province: "agadir-ida-outanane");
        var honey = await cooperative.NewProductAsync($"عسل {word}", $"Miel de Tamri {word}", price, category: "honey", unit: "500 g");
        var shopper = await app.NewShopperAsync("cardholder");
        var page = await app.NewPageAsync(phone: true, language: lang);
        await page.GotoAsync($"/account/login?lang={lang}");
        await CheckoutJourneyTests.SignInAsync(page, shopper, Words.Of(lang));
        await page.WaitForURLAsync(url => !url.Contains("/account/login"), new() { Timeout = 90_000, WaitUntil = WaitUntilState.Commit }); // signed in: the home page need not finish loading (slow on a busy machine)
        await StorefrontTests.AddToCartAsync(page, honey, 1);
        await page.GotoAsync($"/checkout?lang={lang}");
        await CheckoutJourneyTests.FillAddressAsync(page, Words.Of(lang));
        await BrowserApp.ScreenshotAsync(page, $"card-1-checkout-{lang}-phone");
        return (page, Texts[lang]);
    }
}
