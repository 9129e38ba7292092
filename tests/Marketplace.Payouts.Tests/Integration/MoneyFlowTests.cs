using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// Issue 6, "Done when": the money flow of ARCHITECTURE.md through the real modules over HTTP, from a delivered card
/// sub-order and a delivered cash sub-order to one netted payout per cooperative, by Stripe transfer and by bank transfer,
/// the bank transfer reconciled from a statement and the Stripe transfer compared with Stripe's list.
/// </summary>
[Collection(PayoutsWithJobsCollection.Name)]
public sealed class MoneyFlowTests(PayoutsAppWithJobs app)
{
    [Fact]
    public async Task Given_card_and_cash_sales_of_two_cooperatives_When_delivered_and_paid_out_Then_each_is_paid_its_netted_amount_once()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m, new Dictionary<string, decimal> { ["saffron"] = 0.15m });
        var argan = await app.Cooperatives.NewAsync("Tighanimine");          // paid by Stripe Connect
        var account = $"acct_{Guid.NewGuid():N}"[..21];
        await app.Cooperatives.SetStripeAccountAsync(argan, account);
        var honey = await app.Cooperatives.NewAsync("Imouzzer");             // paid by bank transfer
        var rib = Ribs.New();
        await app.Cooperatives.SetBankAccountAsync(honey, rib);

        // One order from both cooperatives paid by card, one paid cash on delivery.
        var card = await app.Orders.PlaceAsync("card", new TestPart(argan, 30m, new TestLine("saffron", 400m)),
            new TestPart(honey, 20m, new TestLine("honey", 500m)));
        var cash = await app.Orders.PlaceAsync("cash_on_delivery", new TestPart(argan, 30m, new TestLine("honey", 300m)),
            new TestPart(honey, 20m, new TestLine("honey", 150m)));
        var webhook = app.Stripe.Succeed(card.PaymentIntentId!);
        await (await webhook.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        // saffron 400 - 15% + fee 30 = 370; honey 500 - 10% + fee 20 = 470: pending until delivered
        await BalanceBecomesAsync(argan, (0m, 370m, 0m));
        await BalanceBecomesAsync(honey, (0m, 470m, 0m));
        foreach (var coop in new[] { argan, honey })
            foreach (var order in new[] { card, cash })
                await DeliverOverHttpAsync(order, coop);
        // the cash sales owe their commission: 10% of 300 and of 150 (the delivery fees are not commissioned)
        await BalanceBecomesAsync(argan, (370m, 0m, 30m));
        await BalanceBecomesAsync(honey, (470m, 0m, 15m));

        var today = app.Today();
        var run = await PayoutRunTests.RunAsync(admin, today);
        var byStripe = PayoutRunTests.PayoutOf(run, argan)!;
        var byBank = PayoutRunTests.PayoutOf(run, honey)!;
        (byStripe["amount"].Mad(), byStripe["method"]!.GetValue<string>()).Should().Be((340m, "stripe_connect"));
        (byBank["amount"].Mad(), byBank["method"]!.GetValue<string>(), byBank["status"]!.GetValue<string>())
            .Should().Be((455m, "bank_transfer", "pending"));
        (await argan.Owner.Client.BalanceAsync(argan.Id)).Should().Be((0m, 0m, 0m));
        (await honey.Owner.Client.BalanceAsync(honey.Id)).Should().Be((0m, 0m, 0m));

        // Stripe Connect: a Hangfire job makes one transfer of 340.00 MAD, keyed by the payout id.
        var stripeId = byStripe["id"]!.GetValue<Guid>();
        var paid = await app.PayoutWhenAsync(admin, stripeId, p => p["status"]!.GetValue<string>() == "paid", "the Stripe payout paid");
        var transfer = app.Stripe.Transfers.Values.Single(t => (string)t["destination"]! == account);
        ((string)transfer["id"]!, (long)transfer["amount"]!, (string)transfer["currency"]!).Should().Be((paid["transferId"]!.GetValue<string>(), 34000L, "mad"));
        transfer["metadata"]!["payoutId"]!.GetValue<string>().Should().Be(stripeId.ToString());
        app.Stripe.Calls.Where(c => c is { Method: "POST", Path: "/v1/transfers" } && c.Form["destination"] == account)
            .Should().OnlyContain(c => c.IdempotencyKey == $"payout-{stripeId}");

        // Running the period again pays nobody twice.
        var again = await PayoutRunTests.RunAsync(admin, today);
        PayoutRunTests.PayoutOf(again, argan)!["id"]!.GetValue<Guid>().Should().Be(stripeId);
        PayoutRunTests.PayoutOf(again, honey)!["id"]!.GetValue<Guid>().Should().Be(byBank["id"]!.GetValue<Guid>());
        app.Stripe.Transfers.Values.Count(t => (string)t["destination"]! == account).Should().Be(1);

        // Bank transfer: in the batch for the bank, marked sent, then found in the platform's bank statement.
        var bankId = byBank["id"]!.GetValue<Guid>();
        var reference = byBank["reference"]!.GetValue<string>();
        var made = await (await (await admin.PostJson("/api/admin/bank-batches")).ShouldHaveStatus(201)).Json();
        var batch = Encoding.UTF8.GetString(await (await (await admin.GetAsync($"/api/admin/bank-batches/{made["id"]}.csv")).ShouldHaveStatus(200))
            .Content.ReadAsByteArrayAsync());
        batch.Should().Contain($"{rib},455.00,MAD,{reference},{honey.Name}");
        await (await admin.PostJson($"/api/admin/payouts/{bankId}/mark-sent", new { bankReference = "BMCE-778812" })).ShouldHaveStatus(200);
        var statement = Encoding.UTF8.GetBytes("date,reference,amount,counterparty\n"
            + $"{today},VIR {reference} COOP IMOUZZER,-455.00,{honey.Name}\n{today},FRAIS TENUE COMPTE,-12.50,BANQUE\n");
        var imported = await (await (await ReconciliationTests.ImportAsync(admin, statement)).ShouldHaveStatus(200)).Json();
        imported["matched"]!.GetValue<int>().Should().Be(1);
        imported["unmatched"]!.AsArray().Should().ContainSingle(l => l!["reference"]!.GetValue<string>() == "FRAIS TENUE COMPTE");
        (await app.PayoutWhenAsync(admin, bankId, _ => true, "the bank payout"))["status"]!.GetValue<string>().Should().Be("reconciled");

        // Stripe: our transfers agree with the list Stripe.net reads.
        var compared = await (await (await admin.PostJson("/api/admin/reconciliation/stripe", new { from = today, to = today })).ShouldHaveStatus(200)).Json();
        compared["differences"]!.AsArray().Select(d => d!["payoutReference"]?.GetValue<string>()).Should().NotContain(paid["reference"]!.GetValue<string>());
        (await app.PayoutWhenAsync(admin, stripeId, _ => true, "the Stripe payout"))["status"]!.GetValue<string>().Should().Be("reconciled");
        await LedgerSaysPaidAsync(argan, paid["reference"]!.GetValue<string>(), 340m);
        await LedgerSaysPaidAsync(honey, reference, 455m);
    }

    private Task BalanceBecomesAsync(TestCooperative coop, (decimal, decimal, decimal) expected) =>
        Poll.UntilAsync(() => coop.Owner.Client.BalanceAsync(coop.Id), b => b == expected, what: $"balance {expected} of {coop.Name}");

    /// <summary>The cooperative accepts, ships and delivers its sub-order, over HTTP.</summary>
    private static async Task DeliverOverHttpAsync(TestOrder order, TestCooperative coop)
    {
        var url = $"/api/cooperatives/{coop.Id}/orders/{order.SubOrderOf(coop)}";
        await (await coop.Owner.Client.PostJson($"{url}/accept")).ShouldHaveStatus(200);
        await (await coop.Owner.Client.PostJson($"{url}/ship", new { carrier = "Amana", trackingNumber = "AM123456789MA" })).ShouldHaveStatus(200);
        await (await coop.Owner.Client.PostJson($"{url}/deliver")).ShouldHaveStatus(200);
    }

    /// <summary>The newest entries are the payout's: available and owedToPlatform cleared, for <paramref name="amount"/> net.</summary>
    private static async Task LedgerSaysPaidAsync(TestCooperative coop, string reference, decimal amount)
    {
        var entries = (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=2")).Json())["items"]!.AsArray();
        entries.Should().AllSatisfy(e => (e!["kind"]!.GetValue<string>(), e["reference"]!.GetValue<string>()).Should().Be(("payout", reference)));
        entries.Sum(e => e!["account"]!.GetValue<string>() == "available" ? -e["amount"].Mad() : e["amount"].Mad()).Should().Be(amount);
    }
}
