namespace Marketplace.Reliability.Tests.Harness;

/// <summary>
/// Hosts as deployed behind a reverse proxy: two processes on one database that trust forwarded headers from 127.0.0.1
/// (where the tests, playing the proxy, connect from), with the registration limit at 3 a minute per address; and a
/// third on the same database that trusts no proxy (Marketplace__Proxy__KnownNetworks unset, as by default).
/// </summary>
public sealed class ProxiedHosts : IAsyncLifetime
{
    public const int RegistrationsPerMinute = 3;
    public TestDatabase Database { get; private set; } = null!;
    public HostProcess[] Proxied { get; private set; } = [];
    public HostProcess Unproxied { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var limits = new Dictionary<string, string> { ["Marketplace__RateLimits__RegisterPerMinutePerAddress"] = RegistrationsPerMinute.ToString() };
        var proxied = new Dictionary<string, string>(limits) { ["Marketplace__Proxy__KnownNetworks"] = "127.0.0.1/32, ::1/128" };
        Proxied = [new HostProcess(Database.ConnectionString, proxied), new HostProcess(Database.ConnectionString, proxied)];
        Unproxied = new HostProcess(Database.ConnectionString, limits);
        await Proxied[0].StartAsync(TimeSpan.FromSeconds(90)); // the first creates the schemas; the others join
        await Task.WhenAll(Proxied[1].StartAsync(TimeSpan.FromSeconds(90)), Unproxied.StartAsync(TimeSpan.FromSeconds(90)));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Proxied.Append(Unproxied)) await host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
