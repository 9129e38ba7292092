using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// Issue 14, part 4: payouts pay the right cooperative, once a week, and see what the bank sends back. Through the real
/// modules over HTTP (the cooperative's suspension in Cooperatives, its sales in Orders, its ledger in Payouts).
/// </summary>
[Collection(PayoutsCollection.Name)]
public sealed class WeeklyPayoutTests(PayoutsApp app)
{
    [Fact]
    public async Task Given_a_suspended_cooperative_When_payouts_run_Then_it_is_held_as_suspended_and_paid_by_the_first_run_after_reinstatement()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Suspended");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 400m));
        await (await admin.PostJson($"/api/admin/cooperatives/{coop.Id}/suspend")).ShouldHaveStatus(200);

        var run = await PayoutRunTests.RunAsync(admin, app.Today());

        PayoutRunTests.PayoutOf(run, coop).Should().BeNull("a suspended cooperative is not paid");
        var held = run["held"]!.AsArray().Single(h => h!["cooperativeId"]!.GetValue<Guid>() == coop.Id)!;
        (held["reason"]!.GetValue<string>(), held["amount"].Mad()).Should().Be(("suspended", 360m));
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(360m, "its money waits for it");

        await (await admin.PostJson($"/api/admin/cooperatives/{coop.Id}/reinstate")).ShouldHaveStatus(200);
        var after = await PayoutRunTests.RunAsync(admin, app.Today());
        PayoutRunTests.PayoutOf(after, coop)!["amount"].Mad().Should().Be(360m, "the first run after its reinstatement pays it");
    }

    [Fact]
    public async Task Given_a_week_with_a_payout_When_runs_come_for_other_days_of_that_week_or_from_the_weekly_job_Then_nobody_is_paid_twice()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("OncePerWeek");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 300m));
        var today = app.Today();
        var monday = DateOnly.ParseExact(PayoutRunTests.WeekEnd(today), "yyyy-MM-dd").AddDays(-6).ToString("yyyy-MM-dd");

        var first = PayoutRunTests.PayoutOf(await PayoutRunTests.RunAsync(admin, today), coop)!;
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 200m)); // more money the same week
        var again = await PayoutRunTests.RunAsync(admin, monday); // another day of the same week
        await using (var scope = app.Services.CreateAsyncScope()) // Hangfire's "trigger now" of the weekly job
            await scope.ServiceProvider.GetRequiredService<Marketplace.Payouts.Jobs.WeeklyPayoutJob>().RunAsync(CancellationToken.None);
        var payouts = await (await admin.GetAsync($"/api/admin/payouts?cooperativeId={coop.Id}")).Json();

        first["amount"].Mad().Should().Be(270m);
        PayoutRunTests.PayoutOf(again, coop)!["id"]!.GetValue<Guid>().Should().Be(first["id"]!.GetValue<Guid>(), "one payout per cooperative and week");
        payouts["items"]!.AsArray().Should().ContainSingle();
        first["periodEnd"]!.GetValue<string>().Should().Be(PayoutRunTests.WeekEnd(today));
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(180m, "the week's second sale waits for the next week");

        using (app.Clock.Advance(TimeSpan.FromDays(7)))
        {
            var nextWeek = await PayoutRunTests.RunAsync(admin, app.Today());
            PayoutRunTests.PayoutOf(nextWeek, coop)!["amount"].Mad().Should().Be(180m);
        }
    }

    [Fact]
    public async Task Given_money_that_became_available_after_the_periods_end_When_the_period_is_run_Then_it_waits_for_the_next_payout()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Cutoff");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 500m)); // available today: 450
        var saleDay = app.Today();
        using (app.Clock.Advance(TimeSpan.FromDays(1)))
        {
            await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 200m)); // available tomorrow: 180

            var run = await PayoutRunTests.RunAsync(admin, saleDay);

            PayoutRunTests.PayoutOf(run, coop)!["amount"].Mad().Should().Be(450m, "what became available until the end of periodEnd");
            (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(180m);
        }
    }

    [Fact]
    public async Task Given_a_transfer_the_bank_sends_back_When_the_statement_is_imported_twice_Then_it_is_returned_once_and_reissued_into_the_next_batch_once()
    {
        var admin = (await app.AdminAsync()).Client;
        var (coop, _, payout) = await BankTransferTests.PendingBankPayoutAsync(app, admin, "Returned", 500m);
        var (id, reference) = (payout["id"]!.GetValue<Guid>(), payout["reference"]!.GetValue<string>());
        var batch = await (await (await admin.PostJson("/api/admin/bank-batches")).ShouldHaveStatus(201)).Json();
        batch["payouts"]!.AsArray().Should().Contain(p => p!["id"]!.GetValue<Guid>() == id);
        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BK-RET-1" })).ShouldHaveStatus(200);
        var statement = Encoding.UTF8.GetBytes("date,reference,amount,counterparty\n"
            + $"{app.Today()},VIR {reference},-450.00,Coop\n{app.Today()},RETOUR VIR {reference} COMPTE CLOS,450.00,Coop\n");

        var first = await (await (await ReconciliationTests.ImportAsync(admin, statement)).ShouldHaveStatus(200)).Json();
        var second = await (await (await ReconciliationTests.ImportAsync(admin, statement)).ShouldHaveStatus(200)).Json();

        (first["matched"]!.GetValue<int>(), first["returned"]!.GetValue<int>()).Should().Be((1, 1));
        (second["returned"]!.GetValue<int>(), second["imported"]!.GetValue<int>()).Should().Be((1, 0), "the same statement again changes nothing");
        (await StatusAsync(admin, id)).Should().Be("returned");
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(450m, "its money is available to the cooperative again, once");
        var ledger = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger")).Json();
        ledger["items"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "payout_returned").Should().Be(1);

        var reissued = await (await (await admin.PostJson($"/api/admin/payouts/{id}/reissue")).ShouldHaveStatus(200)).Json();
        await (await admin.PostJson($"/api/admin/payouts/{id}/reissue")).ShouldBeProblem(409);
        var next = await (await (await admin.PostJson("/api/admin/bank-batches")).ShouldHaveStatus(201)).Json();

        (reissued["status"]!.GetValue<string>(), reissued["amount"].Mad()).Should().Be(("pending", 450m));
        next["payouts"]!.AsArray().Should().Contain(p => p!["id"]!.GetValue<Guid>() == id, "it goes into the next batch");
        next["id"]!.GetValue<Guid>().Should().NotBe(batch["id"]!.GetValue<Guid>());
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(0m, "taken again by the reissue, never paid twice");
    }

    [Fact]
    public async Task Given_a_returned_payout_whose_money_a_later_payout_paid_When_reissued_Then_409_and_nothing_changes()
    {
        var admin = (await app.AdminAsync()).Client;
        var (coop, _, payout) = await BankTransferTests.PendingBankPayoutAsync(app, admin, "PaidSince", 500m);
        var id = payout["id"]!.GetValue<Guid>();
        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BK-RET-2" })).ShouldHaveStatus(200);
        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-failed", new { reason = "Compte clôturé" })).ShouldHaveStatus(200);
        using (app.Clock.Advance(TimeSpan.FromDays(7)))
            PayoutRunTests.PayoutOf(await PayoutRunTests.RunAsync(admin, app.Today()), coop)!["amount"].Mad().Should().Be(450m);

        (await (await admin.PostJson($"/api/admin/payouts/{id}/reissue")).ShouldBeProblem(409))["detail"]!.GetValue<string>().Should().Contain("paid out since");

        (await StatusAsync(admin, id)).Should().Be("failed");
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(0m);
    }

    private static async Task<string> StatusAsync(HttpClient admin, Guid id) =>
        (await (await admin.GetAsync("/api/admin/payouts?pageSize=100")).Json())["items"]!.AsArray()
            .Single(p => p!["id"]!.GetValue<Guid>() == id)!["status"]!.GetValue<string>();
}
