using System.Text.Json.Nodes;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>Stripe Connect payouts made by Hangfire jobs through Stripe.net against the Stripe fake: retries, refusals, comparison.</summary>
[Collection(PayoutsWithJobsCollection.Name)]
public sealed class StripePayoutTests(PayoutsAppWithJobs app)
{
    /// <summary>A cooperative paid by Stripe Connect, owed 450.00 MAD, and the payout of a fresh period (its transfer on its way).</summary>
    private async Task<(HttpClient Admin, TestCooperative Coop, string Account, Guid PayoutId)> StripePayoutAsync(string name,
        Action<string>? before = null)
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync(name);
        var account = $"acct_{Guid.NewGuid():N}"[..21];
        await app.Cooperatives.SetStripeAccountAsync(coop, account);
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 500m));
        before?.Invoke(account);
        var run = await PayoutRunTests.RunAsync(admin, app.Today());
        return (admin, coop, account, PayoutRunTests.PayoutOf(run, coop)!["id"]!.GetValue<Guid>());
    }

    private IReadOnlyList<JsonObject> TransfersTo(string account) =>
        app.Stripe.Transfers.Values.Where(t => (string)t["destination"]! == account).ToList();

    private Task<JsonNode> SettledAsync(HttpClient admin, Guid payoutId) => app.PayoutWhenAsync(admin, payoutId,
        p => p["status"]!.GetValue<string>() is "paid" or "failed", "the Stripe payout paid or failed");

    [Fact]
    public async Task Given_stripe_down_for_a_moment_When_the_transfer_job_fails_Then_hangfire_retries_it_and_it_pays_once()
    {
        var (admin, coop, account, payoutId) = await StripePayoutAsync("Retried", _ => app.Stripe.FailNext("/v1/transfers"));

        (await app.RetryNowAsync(payoutId)).Should().Be(1, "Hangfire scheduled a retry after the 500");
        var payout = await SettledAsync(admin, payoutId);

        payout["status"]!.GetValue<string>().Should().Be("paid");
        TransfersTo(account).Should().ContainSingle().Which["id"]!.GetValue<string>().Should().Be(payout["transferId"]!.GetValue<string>());
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public async Task Given_a_transfer_made_whose_answer_was_lost_When_the_job_is_retried_Then_no_second_transfer_is_made()
    {
        var (admin, _, account, payoutId) = await StripePayoutAsync("LostAnswer", app.Stripe.LoseNextAnswerTo);

        await app.RetryNowAsync(payoutId);
        var payout = await SettledAsync(admin, payoutId);

        payout["status"]!.GetValue<string>().Should().Be("paid");
        var transfer = TransfersTo(account).Should().ContainSingle("the retry found the transfer of its payout at Stripe").Which;
        transfer["id"]!.GetValue<string>().Should().Be(payout["transferId"]!.GetValue<string>());
        transfer["amount"]!.GetValue<long>().Should().Be(45000);
    }

    [Fact]
    public async Task Given_stripe_refuses_the_transfer_When_the_job_runs_Then_the_payout_fails_with_the_reason_and_the_money_is_back()
    {
        var (admin, coop, account, payoutId) = await StripePayoutAsync("Refused", a => app.Stripe.RefuseTransfersTo(a));

        var failed = await SettledAsync(admin, payoutId);

        failed["status"]!.GetValue<string>().Should().Be("failed");
        failed["failureReason"]!.GetValue<string>().Should().Contain("insufficient_capabilities_for_transfer");
        TransfersTo(account).Should().BeEmpty();
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((450m, 0m, 0m));
        var last = (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=1")).Json())["items"]![0]!;
        (last["kind"]!.GetValue<string>(), last["amount"].Mad(), last["balanceAfter"].Mad()).Should().Be(("payout_returned", 450m, 450m));

        JsonNode next;
        using (app.Clock.Advance(TimeSpan.FromDays(7))) // one payout per cooperative and week: the next week pays it
            next = await PayoutRunTests.RunAsync(admin, app.Today());
        var paid = await SettledAsync(admin, PayoutRunTests.PayoutOf(next, coop)!["id"]!.GetValue<Guid>());
        (paid["status"]!.GetValue<string>(), paid["amount"].Mad()).Should().Be(("paid", 450m), "the next period pays what came back");
        TransfersTo(account).Should().ContainSingle();
    }

    [Fact]
    public async Task Given_transfers_that_stripe_lists_otherwise_When_compared_Then_each_difference_is_flagged()
    {
        var (admin, _, account, payoutId) = await StripePayoutAsync("Compared");
        var payout = await SettledAsync(admin, payoutId);
        var ours = payout["transferId"]!.GetValue<string>();
        var stranger = app.Stripe.AddTransfer(account, 12345)["id"]!.GetValue<string>();
        var today = app.Today();

        var before = await (await (await admin.PostJson("/api/admin/reconciliation/stripe", new { from = today, to = today })).ShouldHaveStatus(200)).Json();
        app.Stripe.Reverse(ours, 5000);
        var after = await (await (await admin.PostJson("/api/admin/reconciliation/stripe", new { from = today, to = today })).ShouldHaveStatus(200)).Json();

        Kinds(before, stranger).Should().Equal("unknown_at_stripe");
        Kinds(before, ours).Should().BeEmpty("it agreed before the reversal");
        Kinds(after, ours).Should().Equal("amount_differs");
        var differs = after["differences"]!.AsArray().Single(d => d!["transferId"]!.GetValue<string>() == ours)!;
        (differs["ourAmount"].Mad(), differs["stripeAmount"].Mad()).Should().Be((450m, 400m));
        var shown = await (await admin.GetAsync("/api/admin/reconciliation")).Json();
        Kinds(shown["stripe"]!, ours).Should().Equal("amount_differs");
    }

    [Theory]
    [InlineData("""{"from": "2026-11-30", "to": "2026-11-01"}""", "to")]
    [InlineData("""{"from": "30/11/2026", "to": "2026-11-30"}""", "from")]
    [InlineData("""{"to": "2026-11-30"}""", "from")]
    public async Task Given_bad_days_When_comparing_with_stripe_Then_400(string body, string field)
    {
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PostAsync("/api/admin/reconciliation/stripe", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeValidationProblem(field);
    }

    private static IReadOnlyList<string> Kinds(JsonNode comparison, string transferId) => comparison["differences"]!.AsArray()
        .Where(d => d!["transferId"]?.GetValue<string>() == transferId).Select(d => d!["kind"]!.GetValue<string>()).ToList();
}
