using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Reliability.Tests.Harness;
using Xunit.Abstractions;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// The Host killed with SIGKILL while shoppers check out: every order it acknowledged exists after the restart, stock
/// equals the initial stock minus what the orders took, and the outbox delivers what it owed (the catalogue turns
/// every order's reservation into a sale; reservations of requests cut short are released by the expiry job).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int InitialStock = 400;
    private TestDatabase database = null!;
    private HostProcess host = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        host = new HostProcess(database.ConnectionString, new Dictionary<string, string>
        {
            ["Marketplace__Catalogue__ReservationTimeout"] = "00:00:03",
            ["Marketplace__Catalogue__ExpiryCron"] = "*/2 * * * * *",
            ["Marketplace__Jobs__PollMilliseconds"] = "500",
        });
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Given_checkouts_in_flight_When_the_host_is_killed_and_restarted_Then_nothing_acknowledged_is_lost_and_stock_adds_up()
    {
        var platform = new RemoteMarketplace(host.BaseUrl);
        var market = new HttpMarket(platform);
        var product = await market.NewProductAsync(await market.NewCooperativeAsync(), 35m, InitialStock);
        var shopper = await platform.NewShopperAsync();
        var acknowledged = new ConcurrentBag<Guid>();
        var refused = new ConcurrentBag<int>();
        var cut = 0;
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(Checkout(product.Id)) };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                try
                {
                    var response = await shopper.Client.SendAsync(request);
                    if ((int)response.StatusCode is 200 or 201) acknowledged.Add((await response.Json())["id"]!.GetValue<Guid>());
                    else refused.Add((int)response.StatusCode);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref cut);
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= 20, TimeSpan.FromSeconds(60), "orders under load");
        await host.KillAsync();
        await Task.Delay(300);
        stop.Cancel();
        await Task.WhenAll(load);
        await host.StartAsync();

        refused.Should().BeEmpty("nothing was refused before the crash: stock was plenty");
        foreach (var id in acknowledged)
            await (await shopper.Client.GetAsync($"/api/orders/{id}")).ShouldHaveStatus(200);
        var placed = (await (await shopper.Client.GetAsync("/api/orders?pageSize=100")).Json())["total"]!.GetValue<int>();
        placed.Should().BeGreaterThanOrEqualTo(acknowledged.Count).And.BeLessThanOrEqualTo(acknowledged.Count + 4, "at most one request in flight per client");

        var details = await Poll.UntilAsync(() => market.DetailsAsync(product.Id),
            d => d["reserved"]!.GetValue<int>() == 0 && d["onHand"]!.GetValue<int>() == InitialStock - placed,
            TimeSpan.FromSeconds(90), $"stock to settle at {InitialStock} - {placed} with nothing reserved");
        details["stock"]!.GetValue<int>().Should().Be(InitialStock - placed);
        output.WriteLine($"acknowledged {acknowledged.Count}, placed {placed}, cut by the crash {cut}, lost 0; stock {InitialStock} -> {InitialStock - placed}");
    }

    private static object Checkout(Guid productId) => new
    {
        lines = new[] { new { productId, quantity = 1 } },
        shippingAddress = new { fullName = "Aicha Ouhammou", phone = "+212 6 61 23 45 67", line1 = "12 rue Al Massira", city = "Agadir", province = "Souss-Massa", postalCode = "80000" },
        paymentMethod = "cash_on_delivery",
    };
}
