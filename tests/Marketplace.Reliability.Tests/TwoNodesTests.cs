using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Reliability.Tests.Harness;
using Marketplace.Reliability.Tests.Suite;
using Npgsql;
using Xunit.Abstractions;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// Two Host processes on one PostgreSQL, load spread over both: no oversell, one order per idempotency key, integration
/// events delivered once (HotCold daemon: the ledger posts each sale once, a payment counts once), a payout period run
/// on both at once paid once, recurring jobs fired once per occurrence.
/// </summary>
public sealed class TwoNodesTests(TwoNodes cluster, ITestOutputHelper output) : IClassFixture<TwoNodes>
{
    private HttpMarket Market => new(cluster.Platforms[0]);

    [Fact]
    public async Task Given_little_stock_When_shoppers_check_out_on_both_nodes_at_once_Then_no_oversell()
    {
        const int stock = 10;
        var product = await Market.NewProductAsync(await Market.NewCooperativeAsync(), 40m, stock);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => cluster.Platforms[i % 2].NewShopperAsync()));
        using var start = new SemaphoreSlim(0);
        var attempts = shoppers.SelectMany((s, i) => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return (int)(await Checkout(s, cluster.Nodes[i % 2], product.Id, Guid.NewGuid())).StatusCode;
        }))).ToList();
        start.Release(attempts.Count);
        var statuses = await Task.WhenAll(attempts);

        statuses.Should().OnlyContain(s => s == 201 || s == 409, "a checkout is placed or refused for lack of stock");
        statuses.Count(s => s == 201).Should().Be(stock, "exactly the stock is sold");
        var placed = 0;
        foreach (var shopper in shoppers) placed += (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>();
        placed.Should().Be(stock);
        var details = await Market.DetailsAsync(product.Id);
        details["stock"]!.GetValue<int>().Should().Be(0);
        output.WriteLine($"{statuses.Length} checkouts over two nodes for {stock} units: {statuses.Count(s => s == 201)} placed, {statuses.Count(s => s == 409)} refused");
    }

    [Fact]
    public async Task Given_an_idempotency_key_sent_to_both_nodes_at_once_Then_one_order_per_key()
    {
        var product = await Market.NewProductAsync(await Market.NewCooperativeAsync(), 25m, 1_000);
        var shopper = await cluster.Platforms[0].NewShopperAsync();
        var keys = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        using var start = new SemaphoreSlim(0);
        var sends = keys.SelectMany(key => Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            var response = await Checkout(shopper, cluster.Nodes[i % 2], product.Id, key);
            return (Key: key, Status: (int)response.StatusCode, Id: (int)response.StatusCode is 200 or 201 ? (await response.Json())["id"]!.GetValue<Guid>() : Guid.Empty);
        }))).ToList();
        start.Release(sends.Count);
        var answers = await Task.WhenAll(sends);

        answers.Should().OnlyContain(a => a.Status == 200 || a.Status == 201, "the same key with the same body returns the same order");
        answers.GroupBy(a => a.Key).Should().OnlyContain(g => g.Select(a => a.Id).Distinct().Count() == 1);
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(keys.Count);
        (await Market.AvailableAsync(product.Id)).Should().Be(1_000 - keys.Count);
        output.WriteLine($"{answers.Length} sends of {keys.Count} keys over two nodes: {keys.Count} orders");
    }

    [Fact]
    public async Task Given_sales_paid_and_delivered_through_both_nodes_Then_the_ledger_posts_each_once_and_a_payment_counts_once()
    {
        var coop = await Market.NewCooperativeAsync();
        var product = await Market.NewProductAsync(coop, 200m, 100);
        var shopper = await cluster.Platforms[0].NewShopperAsync();
        var orders = new List<JsonNode>();
        for (var i = 0; i < 6; i++) orders.Add(await (await Checkout(shopper, cluster.Nodes[i % 2], product.Id, Guid.NewGuid(), i % 2 == 0 ? "card" : "cash_on_delivery")).Json());
        foreach (var order in orders.Where(o => o["payment"]!["method"]!.GetValue<string>() == "card"))
        {
            var secret = order["payment"]!["clientSecret"]!.GetValue<string>();
            var webhook = cluster.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]);
            var deliveries = cluster.Nodes.Select(n => Task.Run(async () => (int)(await webhook.DeliverAsync(n.Client())).StatusCode)); // Stripe delivers at least once
            (await Task.WhenAll(deliveries)).Should().OnlyContain(s => s == 200);
        }
        for (var i = 0; i < orders.Count; i++)
        {
            var staff = coop.Owner.Client;
            var url = $"{cluster.Nodes[i % 2].BaseUrl}/api/cooperatives/{coop.Id}/orders/{orders[i]["subOrders"]![0]!["id"]}";
            await Poll.UntilAsync(async () => (int)(await staff.PostJson($"{url}/accept")).StatusCode, s => s == 200, what: "accepted (once paid)");
            await (await staff.PostJson($"{url}/ship", new { carrier = "Amana", trackingNumber = $"AM{i}00000MA" })).ShouldHaveStatus(200);
            await (await staff.PostJson($"{url}/deliver")).ShouldHaveStatus(200);
        }

        var kinds = new[] { "card_sale", "delivery", "cash_sale_commission" };
        var entries = await Poll.UntilAsync(() => LedgerAsync(coop), e => e.Count(x => x.Kind == "delivery") >= 3 && e.Count(x => x.Kind == "cash_sale_commission") >= 3,
            TimeSpan.FromSeconds(60), "every sale posted");
        await Task.Delay(3000); // time for a second delivery of the same events, if a second daemon were running them
        entries = await LedgerAsync(coop);
        foreach (var kind in kinds)
            entries.Where(e => e.Kind == kind).GroupBy(e => (e.Reference, e.Account)).Should().OnlyContain(g => g.Count() == 1, "each sale is posted once ({0})", kind);
        entries.Count(e => e.Kind == "cash_sale_commission").Should().Be(3);
        entries.Where(e => e.Kind == "delivery").Select(e => e.Reference).Distinct().Should().HaveCount(3);
        await cluster.Invariants.CheckAsync();
        output.WriteLine($"6 sales over two nodes (3 card, webhooks delivered to both): {entries.Count} ledger entries, none twice");
    }

    [Fact]
    public async Task Given_a_payout_period_run_on_both_nodes_at_once_Then_each_cooperative_is_paid_once()
    {
        var admin = (await cluster.Platforms[0].AdminAsync()).Client;
        var coops = new List<MarketCooperative>();
        for (var i = 0; i < 4; i++)
        {
            var coop = await Market.NewCooperativeAsync();
            await (await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/payout-account", new { method = "bank_transfer", rib = World.Rib() })).ShouldHaveStatus(200);
            var product = await Market.NewProductAsync(coop, 500m + i, 10);
            var order = await (await Checkout(await cluster.Platforms[0].NewShopperAsync(), cluster.Nodes[i % 2], product.Id, Guid.NewGuid(), "card")).Json();
            var secret = order["payment"]!["clientSecret"]!.GetValue<string>();
            await (await cluster.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(cluster.Nodes[0].Client())).ShouldHaveStatus(200);
            var url = $"/api/cooperatives/{coop.Id}/orders/{order["subOrders"]![0]!["id"]}";
            await Poll.UntilAsync(async () => (int)(await coop.Owner.Client.PostJson($"{url}/accept")).StatusCode, s => s == 200, what: "accepted");
            await (await coop.Owner.Client.PostJson($"{url}/ship", new { carrier = "Amana", trackingNumber = "AM1MA" })).ShouldHaveStatus(200);
            await (await coop.Owner.Client.PostJson($"{url}/deliver")).ShouldHaveStatus(200);
            await Poll.UntilAsync(async () => (await (await admin.GetAsync($"/api/cooperatives/{coop.Id}/balance")).Json())["available"]!["amount"]!.GetValue<decimal>(),
                a => a > 0, TimeSpan.FromSeconds(60), "the sale available");
            coops.Add(coop);
        }
        var admins = new[] { admin, (await cluster.Platforms[1].AdminAsync()).Client };
        var period = Requests.Today;
        using var start = new SemaphoreSlim(0);
        var runs = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            var response = await admins[i % 2].PostJson("/api/admin/payout-runs", new { periodEnd = period });
            return (Status: (int)response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Release(runs.Count);
        var answers = await Task.WhenAll(runs);

        answers.Should().OnlyContain(a => a.Status == 201 || a.Status == 409, "a run answers its payouts, or a conflict to retry");
        foreach (var coop in coops)
        {
            var payouts = (await (await admin.GetAsync($"/api/admin/payouts?cooperativeId={coop.Id}")).Json())["items"]!.AsArray();
            payouts.Should().ContainSingle("one payout per cooperative and period");
            var ledger = await LedgerAsync(coop);
            ledger.Count(e => e.Kind == "payout").Should().Be(1, "one debit of available");
        }
        await cluster.Invariants.CheckAsync();
        output.WriteLine($"8 runs of one period over two nodes ({answers.Count(a => a.Status == 201)} answered 201): {coops.Count} cooperatives paid once each");
    }

    [Fact]
    public async Task Given_recurring_jobs_every_2_seconds_on_two_nodes_Then_each_occurrence_fires_once()
    {
        await Task.Delay(TimeSpan.FromSeconds(8));
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        var servers = (long)(await new NpgsqlCommand("select count(*) from hangfire.server", connection).ExecuteScalarAsync())!;
        servers.Should().Be(2, "both nodes run a Hangfire server");
        var occurrences = new List<(string Job, string Time, long Count)>();
        await using (var command = new NpgsqlCommand("""
            select r.value, t.value, count(*) from hangfire.jobparameter r join hangfire.jobparameter t on t.jobid = r.jobid
            where r.name = 'RecurringJobId' and t.name = 'Time' group by r.value, t.value
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) occurrences.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));

        occurrences.Where(o => o.Job.Contains("expire", StringComparison.OrdinalIgnoreCase) || o.Job.Contains("expir", StringComparison.OrdinalIgnoreCase))
            .Should().HaveCountGreaterThan(3, "the expiry jobs fired several times during the test");
        occurrences.Should().OnlyContain(o => o.Count == 1, "each occurrence of a recurring job fires once, whatever the number of nodes");
        output.WriteLine($"{occurrences.Count} occurrences of {occurrences.Select(o => o.Job).Distinct().Count()} recurring jobs on two nodes, each fired once");
    }

    private sealed record Entry(string Kind, string Account, string Reference, decimal Amount);

    private async Task<List<Entry>> LedgerAsync(MarketCooperative coop)
    {
        var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=100")).Json();
        return ledger["items"]!.AsArray().Select(e => new Entry(e!["kind"]!.GetValue<string>(), e["account"]?.GetValue<string>() ?? "",
            e["reference"]!.GetValue<string>(), e["amount"]!["amount"]!.GetValue<decimal>())).ToList();
    }

    private static Task<HttpResponseMessage> Checkout(TestUser shopper, HostProcess node, Guid productId, Guid key, string paymentMethod = "cash_on_delivery")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{node.BaseUrl}/api/orders") { Content = JsonContent.Create(World.OrderBody(productId, paymentMethod)) };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return shopper.Client.SendAsync(request);
    }
}
