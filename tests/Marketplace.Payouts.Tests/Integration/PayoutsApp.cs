using Marketplace.Testing.Stripe;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// The platform with Stripe pointed at a local Stripe-compatible fake, a clock that tests can move forward, the sellers'
/// side (real Cooperatives and Catalogue over HTTP), the shoppers' side (real Orders over HTTP) and a log of what the
/// Orders outbox delivered.
/// </summary>
public class PayoutsApp : MarketplaceApp, IAsyncLifetime
{
    private readonly StripeFake? sharedStripe;
    private readonly bool withStripe = true;
    private readonly bool isSecondNode;

    public ShiftedClock Clock { get; } = new();
    public StripeFake Stripe { get; private set; } = null!;
    public OrdersLog OrdersLog { get; } = new();
    /// <summary>Hangfire's server runs background jobs (Stripe transfers) in this host.</summary>
    protected virtual bool RunsJobs => false;

    public PayoutsApp() { }

    /// <summary>
    /// Another node on the same database (a second process of the platform), with or without Stripe. Its async daemon is
    /// off: the first node delivers the outbox, so that its log sees every event.
    /// </summary>
    internal PayoutsApp(TestDatabase shared, StripeFake? stripe) : base(shared) =>
        (sharedStripe, withStripe, isSecondNode) = (stripe, stripe is not null, true);

    public override async Task InitializeAsync()
    {
        Stripe = sharedStripe ?? (isSecondNode ? null! : await StripeFake.StartAsync());
        if (!isSecondNode) Stripe.Clock = Clock; // webhooks signed at the platform's time, which tests move forward
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Payouts:MinimumPayout"] = "100";
        if (isSecondNode) settings["Marten:Daemon"] = "Disabled";
        if (RunsJobs)
        {
            settings["Marketplace:Jobs:Server"] = "true";
            settings["Marketplace:Jobs:Workers"] = "2";
        }
        if (!withStripe) return;
        settings["Marketplace:Stripe:SecretKey"] = Stripe.SecretKey;
        settings["Marketplace:Stripe:WebhookSecret"] = Stripe.WebhookSecret;
        settings["Marketplace:Stripe:ApiBase"] = Stripe.ApiBase;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        OrdersLog.Register(services);
    }

    public HttpCooperatives Cooperatives => new(this);

    private static readonly TimeZoneInfo Casablanca = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    /// <summary>Today in Casablanca, yyyy-MM-dd: the latest period that may be run.</summary>
    public string Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Casablanca).DateTime).ToString("yyyy-MM-dd");

    private OrdersFlow? orders;
    public OrdersFlow Orders => orders ??= new OrdersFlow(this);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!isSecondNode) await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PayoutsCollection : ICollectionFixture<PayoutsApp>
{
    public const string Name = "payouts";
}
