using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class PayoutRunTests(PayoutsApp app)
{

    internal static async Task<JsonNode> RunAsync(HttpClient admin, string periodEnd) =>
        await (await (await admin.PostJson("/api/admin/payout-runs", new { periodEnd })).ShouldHaveStatus(201)).Json();

    internal static JsonNode? PayoutOf(JsonNode run, TestCooperative coop) =>
        run["payouts"]!.AsArray().SingleOrDefault(p => p!["cooperativeId"]!.GetValue<Guid>() == coop.Id);

    /// <summary>The Sunday that ends the week of a day: the periodEnd of that week's payouts.</summary>
    internal static string WeekEnd(string day)
    {
        var d = DateOnly.ParseExact(day, "yyyy-MM-dd");
        return d.AddDays((7 - (int)d.DayOfWeek) % 7).ToString("yyyy-MM-dd");
    }

    [Fact]
    public async Task Given_available_and_owed_When_a_period_is_run_Then_one_payout_pays_their_difference_and_clears_both()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Netted");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 30m, new TestLine("honey", 500m));  // available 480
        await app.Orders.DeliveredCashSaleAsync(coop, 20m, new TestLine("honey", 300m));  // owed 30
        var pending = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("honey", 100m)));
        await app.Orders.PayAsync(pending);                                                 // pending 90, not paid out

        var run = await RunAsync(admin, app.Today());

        run["id"]!.GetValue<Guid>().Should().NotBeEmpty();
        var payout = PayoutOf(run, coop)!;
        payout["amount"].Mad().Should().Be(450m);
        payout["method"]!.GetValue<string>().Should().Be("bank_transfer");
        payout["status"]!.GetValue<string>().Should().Be("pending");
        payout["reference"]!.GetValue<string>().Should().MatchRegex(@"^PO-\d{4}-W\d{2}-\d{4,}$");
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 90m, 0m));
        var entries = (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=2")).Json())["items"]!.AsArray();
        entries.Should().AllSatisfy(e => e!["kind"]!.GetValue<string>().Should().Be("payout"));
        entries.Should().AllSatisfy(e => e!["reference"]!.GetValue<string>().Should().Be(payout["reference"]!.GetValue<string>()));
        var mine = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/payouts")).Json();
        mine["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>().Should().Be(payout["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Given_a_period_already_run_When_run_again_Then_it_pays_only_cooperatives_without_a_payout_for_it_and_answers_all()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var period = app.Today();
        var first = await app.Cooperatives.NewAsync("First");
        await app.Cooperatives.SetBankAccountAsync(first, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(first, 0m, new TestLine("honey", 200m));
        var run1 = await RunAsync(admin, period);
        var paid = PayoutOf(run1, first)!;

        await app.Orders.DeliveredCardSaleAsync(first, 0m, new TestLine("honey", 300m));
        var second = await app.Cooperatives.NewAsync("Second");
        await app.Cooperatives.SetBankAccountAsync(second, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(second, 0m, new TestLine("honey", 150m));
        var run2 = await RunAsync(admin, period);

        run2["id"]!.GetValue<Guid>().Should().NotBe(run1["id"]!.GetValue<Guid>());
        PayoutOf(run2, first)!.ToJsonString().Should().Be(paid.ToJsonString(), "the first cooperative has its payout for this period");
        PayoutOf(run2, second)!["amount"].Mad().Should().Be(135m);
        (await first.Owner.Client.BalanceAsync(first.Id)).Should().Be((270m, 0m, 0m), "what it earned since waits for the next period");
        var listed = await (await admin.GetAsync($"/api/admin/payouts?periodEnd={period}")).Json();
        listed["total"]!.GetValue<int>().Should().Be(run2["payouts"]!.AsArray().Count);
    }

    [Fact]
    public async Task Given_cooperatives_below_the_minimum_without_an_account_or_on_hold_When_run_Then_they_are_not_paid_and_keep_their_balance()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var small = await app.Cooperatives.NewAsync("Small");
        await app.Cooperatives.SetBankAccountAsync(small, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(small, 0m, new TestLine("honey", 110m));   // 99 < 100
        var indebted = await app.Cooperatives.NewAsync("Indebted");
        await app.Cooperatives.SetBankAccountAsync(indebted, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(indebted, 0m, new TestLine("honey", 150m)); // 135 - 40 owed = 95
        await app.Orders.DeliveredCashSaleAsync(indebted, 0m, new TestLine("honey", 400m));
        var noAccount = await app.Cooperatives.NewAsync("NoAccount");
        await app.Orders.DeliveredCardSaleAsync(noAccount, 0m, new TestLine("honey", 1000m));
        var held = await app.Cooperatives.NewAsync("Held");
        await app.Cooperatives.SetBankAccountAsync(held, Ribs.New());
        await app.Cooperatives.ChangeBankAccountAsync(held, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(held, 0m, new TestLine("honey", 1000m));

        var run = await RunAsync(admin, app.Today());

        foreach (var coop in new[] { small, indebted, noAccount, held }) PayoutOf(run, coop).Should().BeNull(coop.Name);
        run["held"]!.AsArray().Select(s => (s!["cooperativeId"]!.GetValue<Guid>(), s["reason"]!.GetValue<string>()))
            .Should().Contain([(noAccount.Id, "no_payout_account"), (held.Id, "payout_account_on_hold")]);
        (await small.Owner.Client.BalanceAsync(small.Id)).Should().Be((99m, 0m, 0m));
        (await indebted.Owner.Client.BalanceAsync(indebted.Id)).Should().Be((135m, 0m, 40m));
        (await held.Owner.Client.BalanceAsync(held.Id)).Should().Be((900m, 0m, 0m));
    }

    [Theory]
    [InlineData("""{"periodEnd": "2026-02-30"}""")]
    [InlineData("""{"periodEnd": "30/11/2026"}""")]
    [InlineData("""{"periodEnd": ""}""")]
    [InlineData("""{}""")]
    [InlineData("""{"periodEnd": 20261130}""")]
    public async Task Given_a_malformed_period_When_run_Then_400(string body)
    {
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PostAsync("/api/admin/payout-runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblem(400);
    }

    [Fact]
    public async Task Given_a_period_that_ends_in_the_future_When_run_Then_400_and_nothing_is_paid()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Future");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 500m));
        var tomorrow = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).AddDays(2).ToString("yyyy-MM-dd");

        await (await admin.PostJson("/api/admin/payout-runs", new { periodEnd = tomorrow })).ShouldBeValidationProblem("periodEnd");

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(450m);
    }

    [Fact]
    public async Task Given_the_weekly_job_When_it_runs_Then_it_pays_the_period_that_ended_yesterday()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Weekly");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 500m));

        var saleDay = app.Today();
        using (app.Clock.Advance(TimeSpan.FromDays(1))) // the job runs the next morning, for the day of the sale
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Marketplace.Payouts.Jobs.WeeklyPayoutJob>().RunAsync(CancellationToken.None);

        var payouts = await (await admin.GetAsync($"/api/admin/payouts?cooperativeId={coop.Id}")).Json();
        payouts["items"]!.AsArray().Single()!["periodEnd"]!.GetValue<string>().Should().Be(WeekEnd(saleDay));
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public async Task Given_a_cooperative_paid_by_stripe_connect_When_stripe_is_not_configured_Then_it_is_skipped_and_keeps_its_balance()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("NoStripe");
        await app.Cooperatives.SetStripeAccountAsync(coop, "acct_1NoStripeHere");
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 500m));
        await using var withoutStripe = new PayoutsApp(app.Database, stripe: null);  // a node started without Stripe keys
        await withoutStripe.InitializeAsync();

        var run = await RunAsync((await withoutStripe.AdminAsync()).Client, withoutStripe.Today());

        PayoutOf(run, coop).Should().BeNull();
        run["held"]!.AsArray().Should().Contain(s => s!["cooperativeId"]!.GetValue<Guid>() == coop.Id
            && s["reason"]!.GetValue<string>() == "stripe_not_configured");
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((450m, 0m, 0m));
    }

    [Fact]
    public async Task The_weekly_run_is_registered_with_hangfire_on_monday_at_6_in_casablanca()
    {
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();

        var job = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(j => j.Id == "payouts.weekly-run");

        job.Cron.Should().Be("0 6 * * 1");
        job.TimeZoneId.Should().Be("Africa/Casablanca");
        job.Job.Type.Should().Be(typeof(Marketplace.Payouts.Jobs.WeeklyPayoutJob));
    }
}
