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
        var run = await PayoutRunTests.RunAsync(admin, app.Today());
        return (coop, rib, PayoutRunTests.PayoutOf(run, coop)!);
    }

    [Fact]
    public async Task Given_pending_bank_transfers_When_a_batch_is_made_Then_its_file_is_the_same_at_every_download_and_no_payout_is_in_two()
    {
        var admin = (await app.AdminAsync()).Client;
        var (coop, rib, payout) = await PendingBankPayoutAsync(app, admin, "Batch", 1000m);
        var reference = payout["reference"]!.GetValue<string>();

        var batch = await (await (await admin.PostJson("/api/admin/bank-batches")).ShouldHaveStatus(201)).Json();
        var first = await DownloadAsync(admin, batch["id"]!.GetValue<Guid>());
        await (await admin.PostJson("/api/admin/bank-batches")).ShouldBeProblem(422); // nothing left outside a batch
        var (later, laterRib, laterPayout) = await PendingBankPayoutAsync(app, admin, "Later", 300m);
        var next = await (await (await admin.PostJson("/api/admin/bank-batches")).ShouldHaveStatus(201)).Json();

        batch["payouts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).Should().Contain(payout["id"]!.GetValue<Guid>());
        batch["total"].Mad().Should().Be(batch["payouts"]!.AsArray().Sum(p => p!["amount"].Mad()));
        first.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(first[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("rib,amount,currency,reference,cooperative");
        lines.Should().Contain($"{rib},900.00,MAD,{reference},{coop.Name}");
        lines.Should().NotContain(l => l.StartsWith(laterRib), "a payout made later goes into the next batch");
        (await DownloadAsync(admin, batch["id"]!.GetValue<Guid>())).Should().Equal(first, "the file is the same at every download");
        next["payouts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).Should().Equal(laterPayout["id"]!.GetValue<Guid>());
        (await DownloadAsync(admin, next["id"]!.GetValue<Guid>())).Should().NotEqual(first);
        var listed = await (await (await admin.GetAsync("/api/admin/bank-batches")).ShouldHaveStatus(200)).Json();
        listed["items"]!.AsArray().Select(b => b!["id"]!.GetValue<Guid>()).Should().Contain([batch["id"]!.GetValue<Guid>(), next["id"]!.GetValue<Guid>()]);
        var one = await (await (await admin.GetAsync($"/api/admin/bank-batches/{batch["id"]}")).ShouldHaveStatus(200)).Json();
        one["payouts"]!.AsArray().Should().Contain(p => p!["batchId"]!.GetValue<Guid>() == batch["id"]!.GetValue<Guid>());
        await (await admin.GetAsync($"/api/admin/bank-batches/{Guid.NewGuid()}.csv")).ShouldBeProblem(404);
        _ = later;
    }

    [Fact]
    public async Task Given_two_administrators_making_batches_at_once_Then_each_payout_is_in_one_batch_only()
    {
        var admin = (await app.AdminAsync()).Client;
        for (var i = 0; i < 3; i++) await PendingBankPayoutAsync(app, admin, $"Twin{i}", 200m + i);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostJson("/api/admin/bank-batches")));

        var made = new List<JsonNode>();
        foreach (var answer in answers)
            if ((int)answer.StatusCode == 201) made.Add(await answer.Json());
            else await answer.ShouldBeProblem(422);
        made.SelectMany(b => b["payouts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>())).Should().OnlyHaveUniqueItems();
        var pending = await (await admin.GetAsync("/api/admin/payouts?status=pending&pageSize=100")).Json();
        pending["items"]!.AsArray().Where(p => p!["method"]!.GetValue<string>() == "bank_transfer")
            .Should().OnlyContain(p => p!["batchId"] != null, "every pending transfer went into a batch");
    }

    private static async Task<byte[]> DownloadAsync(HttpClient admin, Guid batchId)
    {
        var response = await (await admin.GetAsync($"/api/admin/bank-batches/{batchId}.csv")).ShouldHaveStatus(200);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        return await response.Content.ReadAsByteArrayAsync();
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
        var batch = await admin.PostJson("/api/admin/bank-batches"); // others' pending transfers may make one; never with this one
        if ((int)batch.StatusCode == 201) (await batch.Json())["payouts"]!.ToJsonString().Should().NotContain(rib).And.NotContain(id.ToString());
        else await batch.ShouldBeProblem(422);
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
        using (app.Clock.Advance(TimeSpan.FromDays(7))) // one payout per cooperative and week: the next week pays it
        {
            var next = await PayoutRunTests.RunAsync(admin, app.Today());
            PayoutRunTests.PayoutOf(next, coop)!["amount"].Mad().Should().Be(450m);
        }
    }
}
