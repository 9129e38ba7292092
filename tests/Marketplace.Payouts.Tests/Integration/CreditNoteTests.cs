using System.Text.Json.Nodes;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// API.md "Invoices": a card sale is invoiced once paid and delivered; money refunded after the invoice (here in Stripe's
/// dashboard, charge.refunded signed by the Stripe fake) makes a credit note in the same series, never a change of the invoice.
/// </summary>
[Collection(PayoutsCollection.Name)]
public sealed class CreditNoteTests(PayoutsApp app)
{
    [Fact]
    public async Task A_refund_after_the_invoice_makes_one_credit_note_in_the_same_series_and_the_invoice_is_unchanged()
    {
        var coop = await app.Cooperatives.NewAsync("Avoir");
        await (await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/tax-identity", new
        {
            ice = "002233445000011", taxId = "51234567", registerNumber = "RC 77/2020", address = "Tiznit", vat = 0.2m,
        })).ShouldHaveStatus(200);
        var order = await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 300m));

        var invoices = await ListAsync(coop, 1);
        var invoice = invoices.Single();
        invoice["kind"]!.GetValue<string>().Should().Be("invoice");
        var number = invoice["number"]!.GetValue<string>();
        number.Should().EndWith("-1");
        var admin = (await app.AdminAsync()).Client;
        var pdfUrl = $"/api/orders/{order.Id}/sub-orders/{order.SubOrderOf(coop)}/invoice";
        var before = await (await (await admin.GetAsync(pdfUrl)).ShouldHaveStatus(200)).Content.ReadAsByteArrayAsync();

        var refund = app.Stripe.RefundInDashboard(order.PaymentIntentId!, 10000); // 100.00 MAD of the 300.00
        await (await refund.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await (await refund.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200); // the webhook delivered twice

        var both = await ListAsync(coop, 2);
        var note = both.Single(i => i["kind"]!.GetValue<string>() == "credit_note");
        note["number"]!.GetValue<string>().Should().Be(number[..^2] + "-2", "the credit note takes the next number of the same series");
        note["total"]!["amount"]!.GetValue<decimal>().Should().Be(100.00m);
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await ListAsync(coop, 2)).Should().HaveCount(2, "one credit note per refund, however often its event arrives");
        (await (await admin.GetAsync(pdfUrl)).Content.ReadAsByteArrayAsync()).Should().Equal(before, "an issued invoice never changes");

        var documents = await (await (await admin.GetAsync($"/api/orders/{order.Id}/sub-orders/{order.SubOrderOf(coop)}/invoices")).ShouldHaveStatus(200)).Json();
        documents["items"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()).Should().Equal("invoice", "credit_note");
        var notePdf = await (await admin.GetAsync($"/api/orders/{order.Id}/sub-orders/{order.SubOrderOf(coop)}/invoices/{note["number"]}")).ShouldHaveStatus(200);
        notePdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
    }

    private static async Task<IReadOnlyList<JsonNode>> ListAsync(TestCooperative coop, int count) =>
        (await Poll.UntilAsync(async () => await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/invoices")).Json(),
            l => l["total"]!.GetValue<int>() >= count, what: $"{count} documents"))["items"]!.AsArray().Select(i => i!).ToList();
}
