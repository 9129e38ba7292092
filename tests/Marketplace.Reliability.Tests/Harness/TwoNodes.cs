using Marketplace.Reliability.Tests.Suite;
using Marketplace.Testing.Stripe;

namespace Marketplace.Reliability.Tests.Harness;

/// <summary>
/// Two Host processes on one PostgreSQL database, as the platform scales out: each with its Hangfire server and its
/// async daemon (HotCold: one node leads), Stripe pointed at the local fake, recurring jobs every 2 seconds.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public StripeFake Stripe { get; private set; } = null!;
    public HostProcess[] Nodes { get; private set; } = [];
    public RemoteMarketplace[] Platforms => Nodes.Select(n => new RemoteMarketplace(n.BaseUrl)).ToArray();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Stripe = await StripeFake.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Marketplace__Stripe__SecretKey"] = Stripe.SecretKey,
            ["Marketplace__Stripe__WebhookSecret"] = Stripe.WebhookSecret,
            ["Marketplace__Stripe__ApiBase"] = Stripe.ApiBase,
            ["Marketplace__Jobs__PollMilliseconds"] = "500",
            ["Marketplace__Jobs__Workers"] = "2",
            ["Marketplace__Catalogue__ExpiryCron"] = "*/2 * * * * *",
            ["Marketplace__Orders__ExpiryCron"] = "*/2 * * * * *",
            ["Marketplace__Orders__RefundRetryCron"] = "*/2 * * * * *",
        };
        Nodes = [new HostProcess(Database.ConnectionString, settings), new HostProcess(Database.ConnectionString, settings)];
        await Nodes[0].StartAsync(TimeSpan.FromSeconds(90)); // the first creates the schemas; the second joins
        await Nodes[1].StartAsync(TimeSpan.FromSeconds(90));
    }

    public MoneyInvariants Invariants => new(Platforms[0], Database.ConnectionString, Stripe);

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        await Stripe.DisposeAsync();
        await Database.DisposeAsync();
    }
}
