using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Marketplace.Testing;

/// <summary>
/// The whole platform (the real Host, every module) over HTTP, on its own fresh PostgreSQL database.
/// Share it with an xunit class or collection fixture; tests stay apart by using fresh users and ids.
/// </summary>
public class MarketplaceApp : WebApplicationFactory<Program>, IAsyncLifetime, IMarketplace
{
    public const string AdminEmail = "admin@test.marketplace.ma";
    public const string AdminPassword = "admin-password-1";
    private readonly TestDatabase? shared;
    public TestDatabase Database { get; private set; } = null!;

    public MarketplaceApp() { }

    /// <summary>Another node on a database that someone else created (and drops): for multi-Host tests.</summary>
    public MarketplaceApp(TestDatabase shared) => this.shared = shared;

    /// <summary>Settings of this test host; derived fixtures change or add some.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings) { }

    /// <summary>Services of this test host: a test receiver of integration events, a fake of the outside world (Stripe)...</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public virtual async Task InitializeAsync()
    {
        Database = shared ?? await TestDatabase.CreateAsync();
        StartHost();
    }

    /// <summary>Starts the host now, so that the first test does not pay for it (in memory; browsers need a real port).</summary>
    protected virtual void StartHost() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = Database.ConnectionString,
            ["Marten:Daemon"] = "Solo",
            ["Marketplace:Jobs:Server"] = "false",
            ["Marketplace:Jobs:PollMilliseconds"] = "200",
            ["Marketplace:Admin:Email"] = AdminEmail,
            ["Marketplace:Admin:Password"] = AdminPassword,
            ["Marketplace:RateLimits:SignInPerMinutePerAddress"] = "0",
            ["Marketplace:RateLimits:RegisterPerMinutePerAddress"] = "0",
            ["Marketplace:RateLimits:CheckoutPerMinutePerShopper"] = "0",
            // A receiver that fails is retried within a second or two, and parked after the fourth attempt.
            ["Marketplace:Outbox:Attempts"] = "4",
            ["Marketplace:Outbox:BackoffSeconds"] = "0.2,0.5,1",
            ["Marketplace:Outbox:Timeout"] = "00:00:05",
            ["Marketplace:Outbox:Poll"] = "00:00:00.200",
            // A delivered card sale is available at once (the tests of the card hold set their own days).
            ["Marketplace:Payouts:CardHoldDays"] = "0",
            ["Logging:Json"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        Configure(settings);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(ConfigureServices);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (shared is null) await Database.DisposeAsync();
    }

    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A new shopper, registered and signed in, with a client that carries their token.</summary>
    public Task<TestUser> NewShopperAsync(string? name = null) => Accounts.NewShopperAsync(Anonymous, name);

    public Task<TestUser> AdminAsync() => Accounts.SignInAsync(Anonymous, AdminEmail, AdminPassword);

    /// <summary>Faults injected into this host's database (a failing or hanging insert).</summary>
    public DatabaseFaults Faults => new(Database.ConnectionString);

    public async Task<HttpClient> SignedInClientAsync(string email, string password) => (await Accounts.SignInAsync(Anonymous, email, password)).Client;
}

public sealed record TestUser(Guid Id, string Email, string Password, HttpClient Client);
