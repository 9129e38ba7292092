using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class BankTransferTests(PayoutsApp app)
{
    internal static async Task<(TestCooperative Coop, string Rib, JsonNode Payout)> PendingBankPayoutAsync(PayoutsApp app, HttpClient admin,
        string name, decimal itemsTotal)
    {
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync(name);
        var rib = Ribs.New();
        await app.Cooperatives.SetBankAccountAsync(coop, rib);
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", itemsTotal));
        var run = await PayoutRunTests.RunAsync(admin, PayoutRunTests.FreshPeriod());
        return (coop, rib, PayoutRunTests.PayoutOf(run, coop)!);
    }

    [Fact]
    public async Task Given_pending_bank_transfers_When_the_batch_is_downloaded_Then_it_lists_rib_amount_reference_and_name()
    {
        var admin = (await app.AdminAsync()).Client;
        var (coop, rib, payout) = await PendingBankPayoutAsync(app, admin, "Batch", 1000m);

        var response = await (await admin.GetAsync("/api/admin/payouts/bank-transfers.csv?lang=ar")).ShouldHaveStatus(200);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("rib,amount,currency,reference,cooperative");
        lines.Should().Contain($"{rib},900.00,MAD,{payout["reference"]!.GetValue<string>()},{coop.ArabicName}");
    }

    [Fact]
    public async Task Given_a_pending_bank_transfer_When_marked_sent_Then_it_is_sent_with_the_banks_reference_and_leaves_the_batch()
    {
        var admin = (await app.AdminAsync()).Client;
        var (_, rib, payout) = await PendingBankPayoutAsync(app, admin, "Sent", 500m);
        var id = payout["id"]!.GetValue<Guid>();

        var sent = await (await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BP-778812" })).ShouldHaveStatus(200)).Json();
        var again = await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BP-778812" })).ShouldHaveStatus(200);
        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BP-OTHER" })).ShouldBeProblem(409);

        sent["status"]!.GetValue<string>().Should().Be("sent");
        sent["bankReference"]!.GetValue<string>().Should().Be("BP-778812");
        _ = again;
        var listed = await (await admin.GetAsync("/api/admin/payouts?status=sent&pageSize=100")).Json();
        listed["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).Should().Contain(id);
        var batch = await (await admin.GetAsync("/api/admin/payouts/bank-transfers.csv")).Content.ReadAsStringAsync();
        batch.Should().NotContain(rib);
    }

    [Theory]
    [InlineData("""{"bankReference": ""}""")]
    [InlineData("""{"bankReference": "   "}""")]
    [InlineData("""{}""")]
    public async Task Given_no_bank_reference_When_marking_sent_Then_400_and_it_stays_pending(string body)
    {
        var admin = (await app.AdminAsync()).Client;
        var (_, _, payout) = await PendingBankPayoutAsync(app, admin, "NoReference", 500m);
        var id = payout["id"]!.GetValue<Guid>();

        await (await admin.PostAsync($"/api/admin/payouts/{id}/mark-sent", new StringContent(body, Encoding.UTF8, "application/json")))
            .ShouldBeValidationProblem("bankReference");

        var pending = await (await admin.GetAsync("/api/admin/payouts?status=pending&pageSize=100")).Json();
        pending["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).Should().Contain(id);
    }

    [Fact]
    public async Task Given_an_unknown_payout_When_marking_sent_Then_404()
    {
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PostJson($"/api/admin/payouts/{Guid.NewGuid()}/mark-sent", new { bankReference = "X" })).ShouldBeProblem(404);
    }

    [Theory]
    [InlineData("status=unknown")]
    [InlineData("page=0")]
    public async Task Given_a_bad_filter_When_listing_payouts_Then_400(string query)
    {
        var admin = (await app.AdminAsync()).Client;
        await (await admin.GetAsync($"/api/admin/payouts?{query}")).ShouldBeProblem(400);
    }

    [Fact]
    public async Task Given_a_sent_transfer_that_the_bank_returned_When_marked_failed_Then_its_money_is_back_in_the_balance_and_paid_next_period()
    {
        var admin = (await app.AdminAsync()).Client;
        var (coop, _, payout) = await PendingBankPayoutAsync(app, admin, "Returned", 500m);
        var id = payout["id"]!.GetValue<Guid>();
        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BK-9" })).ShouldHaveStatus(200);

        var failed = await (await (await admin.PostJson($"/api/admin/payouts/{id}/mark-failed", new { reason = "Compte clôturé" })).ShouldHaveStatus(200)).Json();
        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-failed", new { reason = "again" })).ShouldBeProblem(409);

        failed["status"]!.GetValue<string>().Should().Be("failed");
        failed["failureReason"]!.GetValue<string>().Should().Be("Compte clôturé");
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((450m, 0m, 0m));
        var entry = (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=1")).Json())["items"]![0]!;
        entry["kind"]!.GetValue<string>().Should().Be("payout_returned");
        entry["reference"]!.GetValue<string>().Should().Be(payout["reference"]!.GetValue<string>());
        var next = await PayoutRunTests.RunAsync(admin, PayoutRunTests.FreshPeriod());
        PayoutRunTests.PayoutOf(next, coop)!["amount"].Mad().Should().Be(450m);
    }
}
