namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class ConcurrencyTests(PayoutsApp app)
{
    [Fact]
    public async Task Given_two_nodes_When_runs_of_one_period_happen_at_once_Then_each_cooperative_is_paid_once()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        await using var second = new PayoutsApp(app.Database, app.Stripe);
        await second.InitializeAsync();
        var otherAdmin = (await second.AdminAsync()).Client;
        foreach (var node in new[] { admin, otherAdmin })
            await PayoutRunTests.RunAsync(node, app.Today()); // both nodes warm, so that the runs below really overlap
        var cooperatives = new List<TestCooperative>();
        for (var i = 0; i < 12; i++)
        {
            var coop = await app.Cooperatives.NewAsync($"Concurrent{i}");
            await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
            await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 200m + 10m * i));
            cooperatives.Add(coop);
        }
        var period = app.Today();
        using var start = new SemaphoreSlim(0);

        var pending = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await PayoutRunTests.RunAsync(i % 2 == 0 ? admin : otherAdmin, period);
        })).ToList();
        start.Release(8);
        var runs = await Task.WhenAll(pending);

        foreach (var coop in cooperatives)
        {
            var payouts = runs.Select(r => PayoutRunTests.PayoutOf(r, coop)).ToList();
            payouts.Should().AllSatisfy(p => p.Should().NotBeNull());
            payouts.Select(p => p!["id"]!.GetValue<Guid>()).Distinct().Should().ContainSingle("one payout per cooperative and period");
            var listed = await (await admin.GetAsync($"/api/admin/payouts?cooperativeId={coop.Id}")).Json();
            listed["total"]!.GetValue<int>().Should().Be(1);
            (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m));
            var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=100")).Json();
            ledger["items"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "payout").Should().Be(1, "one debit of available");
        }
        runs.Select(r => r["payouts"]!.AsArray().Count).Distinct().Should().ContainSingle("every run answers every payout of the period");
    }

    [Fact]
    public async Task Given_a_payout_run_When_a_sale_is_delivered_at_the_same_moment_Then_no_money_is_lost_or_paid_twice()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Racing");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 1000m));
        var orders = new List<TestOrder>();
        for (var i = 0; i < 5; i++)
        {
            var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("honey", 100m)));
            await app.Orders.PayAsync(order);
            orders.Add(order);
        }

        var run = Task.Run(() => PayoutRunTests.RunAsync(admin, app.Today()));
        await Task.WhenAll(orders.Select(o => (Task)Task.Run(() => app.Orders.DeliverAsync(o, coop))).Append(run));

        var paid = PayoutRunTests.PayoutOf(await run, coop)!["amount"].Mad();
        var balance = await coop.Owner.Client.BalanceAsync(coop.Id);
        (paid + balance.Available).Should().Be(1350m, "900 + 5 x 90: whatever the run did not take stays available");
        balance.Pending.Should().Be(0m);
    }
}
