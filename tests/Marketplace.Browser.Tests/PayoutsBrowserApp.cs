using Marketplace.Testing.Stripe;

namespace Marketplace.Browser.Tests;

/// <summary>
/// The platform with Stripe pointed at the local fake (server side only), so that card sales can be paid and their money
/// paid out. A database of its own: payout runs pay every cooperative owed, so they stay apart from the other journeys.
/// </summary>
public sealed class PayoutsBrowserApp : BrowserApp
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
public sealed class PayoutsBrowserCollection : ICollectionFixture<PayoutsBrowserApp>
{
    public const string Name = "browser-payouts";
}
