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

[Collection(StripeBrowserCollection.Name)]
public sealed class CardCheckoutTests(StripeBrowserApp app)
{
    [Fact]
    public async Task With_stripe_keys_checkout_offers_the_card_and_the_card_order_waits_for_stripe_then_shows_it_paid()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative Tamri {word}", province: "agadir-ida-outanane");
        var banana = await cooperative.NewProductAsync($"عسل {word}", $"Miel de Tamri {word}", 180m, category: "honey", unit: "500 g");
        var shopper = await app.NewShopperAsync("cardholder");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login?lang=fr");
        await CheckoutJourneyTests.SignInAsync(page, shopper, Words.Of("fr"));
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await StorefrontTests.AddToCartAsync(page, banana, 1);
        await page.GotoAsync("/checkout");

        (await page.IsEnabledAsync("#pay-card")).Should().BeTrue();
        (await page.TextContentAsync("#pay-card-hint")).Should().Contain("traité par Stripe");
        await CheckoutJourneyTests.FillAddressAsync(page, Words.Of("fr"));
        await page.GetByLabel("Carte bancaire").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la commande" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}$"));
        (await page.TextContentAsync("[data-order-status]")).Should().Be("En attente de paiement");
        (await page.TextContentAsync("[data-pending-payment]")).Should().Contain("Stripe").And.Contain("annulée");
        (await page.TextContentAsync(".order-summary")).Should().Contain("Carte bancaire (Stripe)").And.Contain("180,00 MAD");
        (await page.ContentAsync()).Should().NotContain("_secret_", "the client secret stays out of a page that loads no Stripe script");
        await BrowserApp.ScreenshotAsync(page, "card-pending-fr-desktop");

        var paymentIntent = app.Stripe.PaymentIntents.Keys.Should().ContainSingle().Subject;
        await (await app.Stripe.Succeed(paymentIntent).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await Poll.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.TextContentAsync("[data-order-status]");
        }, status => status == "Payée", what: "the order to show as paid");
        app.OutsideRequests.Should().BeEmpty("Stripe.js is not loaded: no request leaves the site");
    }
}
