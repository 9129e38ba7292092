using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Demo.Tests;

/// <summary>
/// The platform on a fresh database. With <c>seedAtStart</c>, as run.sh starts it: MARKETPLACE_SEED_DEMO=1, the demo
/// accounts written to a temporary file (not the checkout's build/demo-accounts.txt).
/// </summary>
public class DemoApp(bool seedAtStart) : MarketplaceApp, IAsyncLifetime
{
    public string AccountsFile { get; } = Path.Combine(Path.GetTempPath(), $"mp-demo-accounts-{Guid.NewGuid():N}.txt");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["MARKETPLACE_SEED_DEMO"] = seedAtStart ? "1" : "0";
        settings["Marketplace:Demo:AccountsFile"] = AccountsFile;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(AccountsFile);
    }

    /// <summary>A seeder of its own (own scope), as each Host has.</summary>
    internal Task<T> WithSeederAsync<T>(Func<DemoSeeder, Task<T>> work) => WithAsync(work);

    internal async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Every page of a list route (pageSize 100).</summary>
    public async Task<IReadOnlyList<JsonNode>> AllItemsAsync(HttpClient client, string route)
    {
        var items = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var separator = route.Contains('?') ? '&' : '?';
            var list = await (await (await client.GetAsync($"{route}{separator}page={page}&pageSize=100")).ShouldHaveStatus(200)).Json();
            items.AddRange(list["items"]!.AsArray().Select(i => i!));
            if (items.Count >= list["total"]!.GetValue<long>() || list["items"]!.AsArray().Count == 0) return items;
        }
    }

    /// <summary>How many cooperatives of each status and how many products the shop shows.</summary>
    public async Task<(long Verified, long Pending, long Suspended, long Products)> CountsAsync()
    {
        var admin = (await AdminAsync()).Client;
        async Task<long> Total(HttpClient client, string route) => (await (await client.GetAsync(route)).Json())["total"]!.GetValue<long>();
        return (await Total(admin, "/api/cooperatives?status=verified"), await Total(admin, "/api/cooperatives?status=pending"),
            await Total(admin, "/api/cooperatives?status=suspended"), await Total(Anonymous(), "/api/products"));
    }
}

/// <summary>One platform seeded at start, shared by the tests that read the demo data.</summary>
public sealed class SeededApp() : DemoApp(seedAtStart: true)
{
    /// <summary>As run.sh: with Hangfire's server, so the demo order's events reach the other modules (Reviews).</summary>
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Marketplace:Jobs:Server"] = "true";
    }
}

[CollectionDefinition(Name)]
public sealed class SeededCollection : ICollectionFixture<SeededApp>
{
    public const string Name = "seeded";
}
