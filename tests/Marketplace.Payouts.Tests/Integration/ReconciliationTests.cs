using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class ReconciliationTests(PayoutsApp app)
{
    internal static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, byte[] csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "statement.csv");
        return await admin.PostAsync("/api/admin/reconciliation/bank-statements", form);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes("date,reference,amount,counterparty\n" + string.Join("\n", lines) + "\n");

    private async Task<(HttpClient Admin, Guid Id, string Reference, decimal Amount)> SentPayoutAsync(string name, decimal items)
    {
        var admin = (await app.AdminAsync()).Client;
        var (_, _, payout) = await BankTransferTests.PendingBankPayoutAsync(app, admin, name, items);
        var id = payout["id"]!.GetValue<Guid>();
        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = $"BK-{Guid.NewGuid():N}"[..12] })).ShouldHaveStatus(200);
        return (admin, id, payout["reference"]!.GetValue<string>(), payout["amount"].Mad());
    }

    private static async Task<JsonNode> PayoutAsync(HttpClient admin, Guid id) =>
        (await (await admin.GetAsync("/api/admin/payouts?pageSize=100")).Json())["items"]!.AsArray().Single(p => p!["id"]!.GetValue<Guid>() == id)!;

    [Fact]
    public async Task Given_a_statement_showing_a_sent_payout_When_imported_twice_Then_the_payout_is_reconciled_once_and_nothing_else_changes()
    {
        var (admin, id, reference, amount) = await SentPayoutAsync("Reconciled", 1000m);
        var unknown = $"VIR {Guid.NewGuid():N}";
        var csv = Csv($"2026-11-30,VIR SEPA {reference} COOPERATIVE,-{amount:0.00},\"Coopérative, Taroudant\"", $"2026-11-30,{unknown},-99.00,Someone");

        var first = await (await (await ImportAsync(admin, csv)).ShouldHaveStatus(200)).Json();
        var reconciliation = (await (await admin.GetAsync("/api/admin/reconciliation")).Json()).ToJsonString();
        var second = await (await (await ImportAsync(admin, csv)).ShouldHaveStatus(200)).Json();

        first["matched"]!.GetValue<int>().Should().Be(1);
        first["unmatched"]!.AsArray().Single()!["reference"]!.GetValue<string>().Should().Be(unknown);
        first["unmatched"]!.AsArray().Single()!["line"]!.GetValue<int>().Should().Be(3);
        first["imported"]!.GetValue<int>().Should().Be(2);
        second["matched"]!.GetValue<int>().Should().Be(1);
        second["unmatched"]!.ToJsonString().Should().Be(first["unmatched"]!.ToJsonString());
        second["imported"]!.GetValue<int>().Should().Be(0);
        second["alreadyImported"]!.GetValue<int>().Should().Be(2);
        (await PayoutAsync(admin, id))["status"]!.GetValue<string>().Should().Be("reconciled");
        (await (await admin.GetAsync("/api/admin/reconciliation")).Json()).ToJsonString().Should().Be(reconciliation);
        JsonNode.Parse(reconciliation)!["unmatchedLines"]!.AsArray().Count(l => l!["reference"]!.GetValue<string>() == unknown).Should().Be(1);
    }

    [Fact]
    public async Task Given_a_line_with_the_reference_but_another_amount_When_imported_Then_it_matches_nothing()
    {
        var (admin, id, reference, amount) = await SentPayoutAsync("WrongAmount", 1000m);

        var result = await (await (await ImportAsync(admin, Csv($"2026-11-30,{reference},-{amount - 0.01m:0.00},Coop"))).ShouldHaveStatus(200)).Json();

        result["matched"]!.GetValue<int>().Should().Be(0);
        result["unmatched"]!.AsArray().Should().ContainSingle();
        (await PayoutAsync(admin, id))["status"]!.GetValue<string>().Should().Be("sent");
    }

    [Fact]
    public async Task Given_a_line_imported_before_the_transfer_was_marked_sent_When_it_is_marked_Then_it_is_reconciled_at_once()
    {
        var admin = (await app.AdminAsync()).Client;
        var (_, _, payout) = await BankTransferTests.PendingBankPayoutAsync(app, admin, "Early", 700m);
        var (id, reference) = (payout["id"]!.GetValue<Guid>(), payout["reference"]!.GetValue<string>());
        (await (await ImportAsync(admin, Csv($"2026-11-30,{reference},-630.00,Coop"))).Json())["matched"]!.GetValue<int>().Should().Be(0);

        var sent = await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BK-1" })).Json();

        sent["status"]!.GetValue<string>().Should().Be("reconciled");
        var lines = (await (await admin.GetAsync("/api/admin/reconciliation")).Json())["unmatchedLines"]!.AsArray();
        lines.Should().NotContain(l => l!["reference"]!.GetValue<string>() == reference);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "date,ref,amount,counterparty\n2026-11-30,{0},-{1},Coop\n", "Line 1" },
        { "date,reference,amount,counterparty\n2026-11-30,{0},-{1},Coop\n2026-11-31,x,-1.00,y\n", "Line 3" },
        { "date,reference,amount,counterparty\n2026-11-30,{0},-{1},Coop\n2026-11-30,x,one,y\n", "Line 3" },
        { "date,reference,amount,counterparty\n2026-11-30,{0},-{1},Coop\n2026-11-30,x,-1.00\n", "Line 3" },
    };

    [Theory, MemberData(nameof(Malformed))]
    public async Task Given_a_malformed_statement_When_imported_Then_400_with_the_line_and_nothing_changes(string template, string line)
    {
        var (admin, id, reference, amount) = await SentPayoutAsync("Malformed", 1000m);
        var before = (await (await admin.GetAsync("/api/admin/reconciliation")).Json()).ToJsonString();

        var problem = await (await ImportAsync(admin, Encoding.UTF8.GetBytes(string.Format(template, reference, amount.ToString("0.00")))))
            .ShouldBeValidationProblem("file");

        problem["file"]![0]!.GetValue<string>().Should().StartWith(line);
        (await PayoutAsync(admin, id))["status"]!.GetValue<string>().Should().Be("sent");
        (await (await admin.GetAsync("/api/admin/reconciliation")).Json()).ToJsonString().Should().Be(before);
    }

    [Fact]
    public async Task Given_a_statement_that_is_not_utf8_or_no_file_When_imported_Then_400()
    {
        var admin = (await app.AdminAsync()).Client;
        var latin1 = Encoding.Latin1.GetBytes("date,reference,amount,counterparty\n2026-11-30,x,-1.00,Coopérative\n");
        (await (await ImportAsync(admin, latin1)).ShouldBeValidationProblem("file"))["file"]![0]!.GetValue<string>().Should().Contain("Line 2");

        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await (await admin.PostAsync("/api/admin/reconciliation/bank-statements", noFile)).ShouldBeValidationProblem("file");
        await (await admin.PostJson("/api/admin/reconciliation/bank-statements", new { file = "x" })).ShouldBeValidationProblem("file");
    }

    [Fact]
    public async Task Given_a_transfer_sent_more_than_5_days_ago_without_a_statement_line_When_reconciling_Then_it_is_shown()
    {
        var (admin, id, _, _) = await SentPayoutAsync("Overdue", 1000m);
        (await (await admin.GetAsync("/api/admin/reconciliation")).Json())["unmatchedPayouts"]!.AsArray()
            .Should().NotContain(p => p!["id"]!.GetValue<Guid>() == id, "it was sent just now");

        using (app.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1)))
        {
            var overdue = (await (await admin.GetAsync("/api/admin/reconciliation")).Json())["unmatchedPayouts"]!.AsArray();
            overdue.Should().Contain(p => p!["id"]!.GetValue<Guid>() == id);
        }
    }
}
