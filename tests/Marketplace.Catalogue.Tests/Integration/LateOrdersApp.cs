using Marketplace.Testing.Stripe;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// The platform with stock reservations that expire after 3 seconds and Stripe pointed at the local fake: for the late
/// and lost background work between checkout, Catalogue and Orders. Tests of its collection run one after the other.
/// </summary>
public sealed class LateOrdersApp : MarketplaceApp, IAsyncLifetime
{
    public static readonly TimeSpan ReservationTimeout = TimeSpan.FromSeconds(3);
    public StripeFake Stripe { get; private set; } = null!;
    private HttpMarket? market;
    public HttpMarket Market => market ??= new HttpMarket(this);

    public override async Task InitializeAsync()
    {
        Stripe = await StripeFake.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Catalogue:ReservationTimeout"] = ReservationTimeout.ToString();
        settings["Marketplace:Stripe:SecretKey"] = Stripe.SecretKey;
        settings["Marketplace:Stripe:WebhookSecret"] = Stripe.WebhookSecret;
        settings["Marketplace:Stripe:ApiBase"] = Stripe.ApiBase;
    }

    /// <summary>The Hangfire job that releases expired reservations, called as Hangfire would (test hosts run no Hangfire server).</summary>
    public async Task<int> RunExpiryJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Stock.ReleaseExpiredReservationsJob>().RunAsync(CancellationToken.None);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LateOrdersCollection : ICollectionFixture<LateOrdersApp>
{
    public const string Name = "late-orders";
}
