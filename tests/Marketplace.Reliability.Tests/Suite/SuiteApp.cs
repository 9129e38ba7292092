using Marketplace.Testing.Stripe;

namespace Marketplace.Reliability.Tests.Suite;

/// <summary>
/// The whole platform in process on a fresh database with Stripe pointed at the local fake, and worlds of users,
/// cooperatives, products and orders (<see cref="World"/>) for the access table and the fuzz test.
/// </summary>
public sealed class SuiteApp : MarketplaceApp, IAsyncLifetime
{
    public static readonly byte[] SigningKey = Enumerable.Range(1, 48).Select(i => (byte)(i * 11)).ToArray();
    public StripeFake Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Stripe = await StripeFake.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Auth:SigningKey"] = Convert.ToBase64String(SigningKey);
        settings["Marketplace:Stripe:SecretKey"] = Stripe.SecretKey;
        settings["Marketplace:Stripe:WebhookSecret"] = Stripe.WebhookSecret;
        settings["Marketplace:Stripe:ApiBase"] = Stripe.ApiBase;
    }

    /// <summary>A world of its own for a test (tests of the suite change what they act on).</summary>
    public Task<World> NewWorldAsync() => World.CreateAsync(this);

    public StateSnapshot Snapshot => new(Database.ConnectionString);

    public MoneyInvariants Invariants => new(this, Stripe);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteApp>
{
    public const string Name = "suite";
}
