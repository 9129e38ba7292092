using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Marketplace.Invoicing.Tests.Integration;

/// <summary>The platform with the sellers' side (real Cooperatives and Catalogue over HTTP).</summary>
public sealed class InvoicingApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    public InvoicingApp() => Market = new HttpMarket(this);

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Platform:Ice"] = "002998877000055";
        settings["Marketplace:Platform:TaxId"] = "1500123";
        settings["Marketplace:Platform:RegisterNumber"] = "RC Agadir 54321";
        settings["Marketplace:Platform:Address"] = "Technopark, 80000 Agadir";
    }
}

/// <summary>API.md "Invoices": the cooperative's invoice of each delivered sub-order, through HTTP on a real PostgreSQL.</summary>
public sealed class InvoiceTests(InvoicingApp app) : IClassFixture<InvoicingApp>
{
    private const string Ice = "001525879000063";

    internal static object TaxIdentity(string vat = "exempt") => new
    {
        ice = Ice, taxId = "40512345", registerNumber = "RC-COOP-2019/412", address = "Douar Tighanimine, 83000 Taroudant", vat,
    };

    [Fact]
    public async Task An_invoice_is_a_409_before_delivery_a_422_without_tax_identity_and_issued_once_the_owner_sets_it()
    {
        var cooperative = await app.Market.NewCooperativeAsync(flatFee: 25m);
        var product = await app.Market.NewProductAsync(cooperative, 120m, 10);
        var shopper = await app.NewShopperAsync("invoice-reader");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 2)));
        var subOrderId = order.SubOrderOf(cooperative).Id();
        var url = $"/api/orders/{order.Id()}/sub-orders/{subOrderId}/invoice";

        await (await shopper.Client.GetAsync(url)).ShouldBeProblem(409);
        await cooperative.MoveAsync(subOrderId, "accept");
        await cooperative.MoveAsync(subOrderId, "ship", Shop.Shipment());
        await cooperative.MoveAsync(subOrderId, "deliver");

        (await (await shopper.Client.GetAsync(url)).ShouldBeProblem(422))["detail"]!.GetValue<string>().Should().Contain("tax identity");
        (await (await shopper.Client.GetAsync($"/api/orders/{order.Id()}/sub-orders/{subOrderId}/invoices")).Json())["state"]!.GetValue<string>()
            .Should().Be("waiting_tax_identity");

        var stranger = await app.NewShopperAsync("stranger");
        await (await stranger.Client.GetAsync(url)).ShouldBeProblem(403);
        await (await stranger.Client.PutJson($"/api/cooperatives/{cooperative.Id}/tax-identity", TaxIdentity())).ShouldBeProblem(403);
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/tax-identity",
            new { ice = "12345", taxId = "IF-1", registerNumber = "", address = "", vat = "0.19" })).ShouldBeValidationProblem("ice", "taxId", "registerNumber", "address", "vat");
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/tax-identity",
            new { ice = Ice, taxId = "1", registerNumber = "RC", address = "Tiznit", vat = 1e300 })).ShouldBeValidationProblem("vat");
        await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/tax-identity")).ShouldBeProblem(404);

        var set = await (await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/tax-identity", TaxIdentity()))
            .ShouldHaveStatus(200)).Json();
        set["ice"]!.GetValue<string>().Should().Be(Ice);
        set["vat"]!.GetValue<string>().Should().Be("exempt");

        // The invoice that waited is issued from the Cooperatives event; the page asking first issues the same one.
        var listed = await Poll.UntilAsync(async () => await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/invoices")).Json(),
            l => l["total"]!.GetValue<int>() == 1, what: "the invoice issued after the tax identity");
        var number = listed["items"]![0]!["number"]!.GetValue<string>();
        number.Should().MatchRegex(@"^C\d{4}-\d{4}-1$");
        listed["items"]![0]!["total"]!["amount"]!.GetValue<decimal>().Should().Be(265.00m);

        var pdf = await (await shopper.Client.GetAsync(url)).ShouldHaveStatus(200);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var text = Text(bytes);
        text.Should().Contain(Ice).And.Contain(number).And.Contain("265,00").And.Contain("exonérée").And.Contain("40512345");
        (await (await cooperative.Owner.Client.GetAsync(url)).Content.ReadAsByteArrayAsync()).Should().Equal(bytes, "an issued invoice never changes");
        (await (await (await app.AdminAsync()).Client.GetAsync(url)).ShouldHaveStatus(200)).Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
    }

    [Fact]
    public async Task Twenty_deliveries_at_once_get_numbers_one_to_twenty_without_gap_or_repeat()
    {
        var cooperative = await app.Market.NewCooperativeAsync();
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/tax-identity", TaxIdentity("0.20"))).ShouldHaveStatus(200);
        var product = await app.Market.NewProductAsync(cooperative, 60m, 100);
        var shopper = await app.NewShopperAsync("twenty");
        var orders = new List<JsonNode>();
        for (var i = 0; i < 20; i++) orders.Add(await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1))));
        foreach (var order in orders)
        {
            await cooperative.MoveAsync(order.SubOrderOf(cooperative).Id(), "accept");
            await cooperative.MoveAsync(order.SubOrderOf(cooperative).Id(), "ship", Shop.Shipment());
        }

        // Twenty deliveries at once, each raced by the shopper asking for its invoice while the delivery event is on its way.
        await Task.WhenAll(orders.Select(async order =>
        {
            var subOrderId = order.SubOrderOf(cooperative).Id();
            await cooperative.MoveAsync(subOrderId, "deliver");
            await (await shopper.Client.GetAsync($"/api/orders/{order.Id()}/sub-orders/{subOrderId}/invoice")).ShouldHaveStatus(200);
        }));

        var listed = await Poll.UntilAsync(async () => await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/invoices?pageSize=100")).Json(),
            l => l["total"]!.GetValue<int>() >= 20, what: "20 invoices");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the delivery events arrive after the pages' issues: still one invoice each
        listed = await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/invoices?pageSize=100")).Json();
        var items = listed["items"]!.AsArray().Select(i => i!).ToList();
        items.Should().HaveCount(20);
        items.Select(i => i["subOrderId"]!.GetValue<Guid>()).Should().OnlyHaveUniqueItems();
        var numbers = items.Select(i => i["number"]!.GetValue<string>()).ToList();
        var series = numbers.Select(n => Regex.Match(n, @"^(C\d{4}-\d{4})-(\d+)$")).ToList();
        series.Should().OnlyContain(m => m.Success);
        series.Select(m => m.Groups[1].Value).Distinct().Should().ContainSingle("one series per cooperative and year");
        series.Select(m => int.Parse(m.Groups[2].Value)).Order().Should().Equal(Enumerable.Range(1, 20));

        var first = orders[0];
        var text = Text(await (await shopper.Client.GetAsync($"/api/orders/{first.Id()}/sub-orders/{first.SubOrderOf(cooperative).Id()}/invoice"))
            .Content.ReadAsByteArrayAsync());
        text.Should().Contain("TVA (20 %)").And.Contain("10,00"); // 60.00 TTC holds 10.00 of VAT at 20 %
    }

    [Fact]
    public async Task The_platform_invoices_its_commission_of_the_month_to_each_cooperative_once_in_its_own_series()
    {
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PutJson("/api/admin/commission", new { defaultRate = 0.10m, categoryRates = new Dictionary<string, decimal>() })).ShouldHaveStatus(200);
        var cooperative = await app.Market.NewCooperativeAsync();
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/tax-identity", TaxIdentity())).ShouldHaveStatus(200);
        var product = await app.Market.NewProductAsync(cooperative, 120m, 10);
        var shopper = await app.NewShopperAsync("commission");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 2)));
        var subOrderId = order.SubOrderOf(cooperative).Id();
        foreach (var (move, body) in new (string, object?)[] { ("accept", null), ("ship", Shop.Shipment()), ("deliver", null) })
            await cooperative.MoveAsync(subOrderId, move, body);
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca")).ToString("yyyy-MM");

        // The ledger hears of the delivery through the Orders outbox: the month's commission is there once it has.
        var issued = await Poll.UntilAsync(async () => await (await (await admin.PostJson("/api/admin/commission-invoices", new { month }))
                .ShouldHaveStatus(200)).Json(),
            r => r["items"]!.AsArray().Any(i => i!["cooperativeId"]!.GetValue<Guid>() == cooperative.Id), what: "the cooperative's commission invoice");
        var mine = issued["items"]!.AsArray().Single(i => i!["cooperativeId"]!.GetValue<Guid>() == cooperative.Id)!;
        var number = mine["number"]!.GetValue<string>();
        number.Should().MatchRegex(@"^PLAT-\d{4}-\d+$");
        mine["total"]!["amount"]!.GetValue<decimal>().Should().Be(24.00m, "10 % of 240.00 of items");
        mine["vat"]!["amount"]!.GetValue<decimal>().Should().Be(4.00m, "20 % included in 24.00");

        var again = await (await (await admin.PostJson("/api/admin/commission-invoices", new { month })).ShouldHaveStatus(200)).Json();
        again["items"]!.AsArray().Where(i => i!["cooperativeId"]!.GetValue<Guid>() == cooperative.Id).Select(i => i!["number"]!.GetValue<string>())
            .Should().Equal(number);
        var listed = await (await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/commission-invoices")).ShouldHaveStatus(200)).Json();
        listed["items"]!.AsArray().Select(i => i!["number"]!.GetValue<string>()).Should().Equal(number);
        var text = Text(await (await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/commission-invoices/{number}"))
            .ShouldHaveStatus(200)).Content.ReadAsByteArrayAsync());
        text.Should().Contain("002998877000055").And.Contain(Ice).And.Contain("Commission de la plateforme").And.Contain("TVA (20 %)").And.Contain("24,00");
        (await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/invoices")).Json())["items"]!.AsArray()
            .Should().OnlyContain(i => !i!["number"]!.GetValue<string>().StartsWith("PLAT"), "the cooperative's own series lists what it sold");
        await (await admin.PostJson("/api/admin/commission-invoices", new { month = "2026-13" })).ShouldBeValidationProblem("month");
        await (await cooperative.Owner.Client.PostJson("/api/admin/commission-invoices", new { month })).ShouldBeProblem(403);
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }
}
