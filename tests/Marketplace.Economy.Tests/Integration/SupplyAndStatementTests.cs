using System.Text.Json.Nodes;

namespace Marketplace.Economy.Tests.Integration;

/// <summary>API.md "The cooperative's own economy": supplies, payments and statements through HTTP on a real PostgreSQL.</summary>
public sealed class SupplyAndStatementTests(EconomyApp app) : IClassFixture<EconomyApp>
{
    private static decimal Money(JsonNode? node) => node!["amount"]!.GetValue<decimal>();

    [Fact]
    public async Task Supplies_corrections_and_payments_make_a_statement_whose_closing_balance_is_what_the_cooperative_owes_her()
    {
        var (coop, members) = await app.CooperativeWithMembersAsync(("Fadma Ait Lahcen", "2019-04-01"), ("Itto Oubaha", "2020-01-01"));
        var (owner, fadma) = (coop.Owner.Client, members[0]);
        var basePath = $"/api/cooperatives/{coop.Id}";

        await EconomyApp.SupplyAsync(owner, coop.Id, fadma, "2025-12-15", 20m, 15m);
        var wrong = await EconomyApp.SupplyAsync(owner, coop.Id, fadma, "2026-01-10", 40m, 12m);
        Money(wrong["amount"]).Should().Be(480m);
        var reversal = await (await (await owner.PostJson($"{basePath}/supplies/{wrong["id"]}/reverse", new { reason = "4 kg, not 40", date = "2026-01-11" }))
            .ShouldHaveStatus(201)).Json();
        Money(reversal["amount"]).Should().Be(-480m);
        reversal["reverses"]!.GetValue<Guid>().Should().Be(wrong["id"]!.GetValue<Guid>());
        await (await owner.PostJson($"{basePath}/supplies/{wrong["id"]}/reverse", new { reason = "again" })).ShouldBeProblem(409);
        await EconomyApp.SupplyAsync(owner, coop.Id, fadma, "2026-01-11", 4m, 12m);
        await EconomyApp.SupplyAsync(owner, coop.Id, members[1], "2026-01-12", 7m, 12m);

        await (await owner.PostJson($"{basePath}/members/{fadma}/payments", new { date = "2026-01-20", amount = new { amount = 400m, currency = "MAD" }, method = "cash" }))
            .ShouldBeProblem(422);
        var paid = await (await (await owner.PostJson($"{basePath}/members/{fadma}/payments",
            new { date = "2026-01-20", amount = new { amount = 200m, currency = "MAD" }, method = "wallet", note = "Jawaz" })).ShouldHaveStatus(201)).Json();
        paid["method"]!.GetValue<string>().Should().Be("wallet");
        await (await owner.PostJson($"{basePath}/members/{fadma}/payments", new { date = "2026-01-25", amount = 500m, method = "transfer", advance = true }))
            .ShouldHaveStatus(201);

        var statement = await owner.ReadJson($"{basePath}/members/{fadma}/statement?from=2026-01-01&to=2026-01-31");
        Money(statement["opening"]).Should().Be(300m);
        statement["supplies"]!.AsArray().Select(s => Money(s!["amount"])).Should().Equal(480m, -480m, 48m);
        statement["payments"]!.AsArray().Select(p => Money(p!["amount"])).Should().Equal(200m, 500m);
        statement["surplusShares"]!.AsArray().Should().BeEmpty();
        Money(statement["closing"]).Should().Be(300m + 48m - 700m);
        statement["supplies"]![0]!["reversedBy"]!.GetValue<Guid>().Should().Be(reversal["id"]!.GetValue<Guid>());

        var csv = await (await owner.GetAsync($"{basePath}/members/{fadma}/statement.csv?from=2026-01-01&to=2026-01-31")).ShouldHaveStatus(200);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("date,kind,detail,amount,balance");
        rows[1].Should().StartWith("2026-01-01,opening,Fadma Ait Lahcen,0.00,300.00");
        rows.Should().Contain(r => r.StartsWith("2026-01-11,correction,"));
        rows[^1].Should().Be("2026-01-31,closing,Fadma Ait Lahcen,0.00,-352.00");

        var balances = await owner.ReadJson($"{basePath}/members/balances");
        balances["members"]!.AsArray().Single(m => m!["memberId"]!.GetValue<Guid>() == fadma)!["balance"]!["amount"]!.GetValue<decimal>().Should().Be(-352m);
        Money(balances["totalOwed"]).Should().Be(84m);
        Money(balances["totalAdvanced"]).Should().Be(352m);

        var month = await owner.ReadJson($"{basePath}/supplies?month=2026-01");
        month["entries"]!.AsArray().Should().HaveCount(4);
        var argan = month["byItem"]!.AsArray().Single();
        (argan!["quantity"]!.GetValue<decimal>(), Money(argan["amount"]), argan["entries"]!.GetValue<int>()).Should().Be((11m, 132m, 3));
        month["last"]!["unitPrice"]!["amount"]!.GetValue<decimal>().Should().Be(12m, "the form starts from the last item and price");
    }

    [Fact]
    public async Task Supplies_and_payments_recorded_for_one_member_at_the_same_time_are_all_counted_once()
    {
        var (coop, m) = await app.CooperativeWithMembersAsync(("Hafsa", "2020-01-01"));
        var url = $"/api/cooperatives/{coop.Id}";
        var supplies = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => coop.Owner.Client.PostJson($"{url}/supplies",
            new { memberId = m[0], date = "2026-02-02", item = "Huile", quantity = i, unit = "l", unitPrice = 10 })));
        supplies.Select(r => (int)r.StatusCode).Should().AllBeEquivalentTo(201);
        var payments = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => coop.Owner.Client.PostJson($"{url}/members/{m[0]}/payments",
            new { date = "2026-02-03", amount = 100, method = "cash" })));
        payments.Select(r => (int)r.StatusCode).Should().BeEquivalentTo([201, 201, 201, 422], "360 MAD owed covers three payments of 100, not four");
        var statement = await coop.Owner.Client.ReadJson($"{url}/members/{m[0]}/statement?from=2026-01-01&to=2026-12-31");
        Money(statement["suppliesTotal"]).Should().Be(360m);
        Money(statement["closing"]).Should().Be(60m);
    }

    [Fact]
    public async Task Bad_supplies_and_payments_are_400_or_404_and_change_nothing()
    {
        var (coop, members) = await app.CooperativeWithMembersAsync(("Aicha Id Bourk", "2024-06-01"));
        var owner = coop.Owner.Client;
        var url = $"/api/cooperatives/{coop.Id}/supplies";
        await (await owner.PostJson(url, new { memberId = members[0], date = "2026-13-01", item = "", quantity = -1, unit = "", unitPrice = 1.234 }))
            .ShouldBeValidationProblem("unitPrice");
        await (await owner.PostJson(url, new { memberId = members[0], date = "2026-13-01", item = "", quantity = -1, unit = "", unitPrice = 12 }))
            .ShouldBeValidationProblem("date", "item", "quantity", "unit");
        await (await owner.PostJson(url, new { memberId = members[0], date = "2024-05-01", item = "Safran", quantity = 1, unit = "g", unitPrice = 30 }))
            .ShouldBeValidationProblem("date");
        await (await owner.PostJson(url, new { memberId = members[0], date = "2026-01-01", item = "Safran", quantity = 1, unit = "g",
            unitPrice = new { amount = 30, currency = "EUR" } })).ShouldBeValidationProblem("unitPrice");
        await (await owner.PostJson(url, new { memberId = Guid.NewGuid(), date = "2026-01-01", item = "Safran", quantity = 1, unit = "g", unitPrice = 30 }))
            .ShouldBeProblem(404);
        await (await owner.PostJson($"/api/cooperatives/{coop.Id}/members/{members[0]}/payments", new { date = "2026-01-01", amount = 0, method = "cheque" }))
            .ShouldBeValidationProblem("amount", "method");
        await (await owner.PostJson($"/api/cooperatives/{coop.Id}/supplies/{Guid.NewGuid()}/reverse", new { reason = "x" })).ShouldBeProblem(404);
        await (await owner.GetAsync($"/api/cooperatives/{coop.Id}/members/{members[0]}/statement?from=2026-02-01&to=2026-01-01")).ShouldBeValidationProblem("to");

        var statement = await owner.ReadJson($"/api/cooperatives/{coop.Id}/members/{members[0]}/statement?from=2020-01-01&to=2026-12-31");
        statement["supplies"]!.AsArray().Should().BeEmpty();
        statement["payments"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Only_staff_and_the_member_herself_read_her_statement_and_an_administrator_sees_totals_only()
    {
        var (coop, _) = await app.CooperativeWithMembersAsync();
        var fadma = await app.NewShopperAsync("fadma");
        var other = await app.NewShopperAsync("other-member");
        var owner = coop.Owner.Client;
        var basePath = $"/api/cooperatives/{coop.Id}";
        await (await owner.PostJson($"{basePath}/members", new { fullName = "Fadma", role = "member", joinedOn = "2020-01-01", shares = 5, userEmail = "nobody@nowhere.ma" }))
            .ShouldBeValidationProblem("userEmail");
        var her = (await (await (await owner.PostJson($"{basePath}/members", new { fullName = "Fadma", role = "member", joinedOn = "2020-01-01", shares = 5,
            phone = "06 61 23 45 67", userEmail = fadma.Email })).ShouldHaveStatus(201)).Json());
        her["phone"]!.GetValue<string>().Should().Be("+212661234567");
        her["shares"]!.GetValue<int>().Should().Be(5);
        var herId = her["id"]!.GetValue<Guid>();
        var otherId = (await (await (await owner.PostJson($"{basePath}/members", new { fullName = "Khadija", role = "member", joinedOn = "2020-01-01",
            userEmail = other.Email })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        await EconomyApp.SupplyAsync(owner, coop.Id, herId, "2026-02-01", 10m, 20m);
        await (await owner.PostJson($"{basePath}/members/{herId}/payments", new { date = "2026-02-03", amount = 150, method = "cash" })).ShouldHaveStatus(201);

        var mine = await fadma.Client.ReadJson($"{basePath}/members/{herId}/statement?from=2026-01-01&to=2026-12-31");
        mine["closing"]!["amount"]!.GetValue<decimal>().Should().Be(50m);
        (await fadma.Client.ReadJson("/api/accounts/me/memberships"))["items"]![0]!["balance"]!["amount"]!.GetValue<decimal>().Should().Be(50m);
        await (await fadma.Client.GetAsync($"{basePath}/members/{otherId}/statement")).ShouldBeProblem(403);
        await (await other.Client.GetAsync($"{basePath}/members/{herId}/statement")).ShouldBeProblem(403);
        await (await fadma.Client.PostJson($"{basePath}/supplies", new { memberId = herId, date = "2026-02-01", item = "Huile", quantity = 1, unit = "l", unitPrice = 1 }))
            .ShouldBeProblem(403);
        await (await fadma.Client.GetAsync($"{basePath}/members/balances")).ShouldBeProblem(403);

        var admin = (await app.AdminAsync()).Client;
        await (await admin.GetAsync($"{basePath}/members/{herId}/statement")).ShouldBeProblem(403);
        await (await admin.GetAsync($"{basePath}/members/{herId}/statement.csv")).ShouldBeProblem(403);
        await (await admin.GetAsync($"{basePath}/members/balances")).ShouldBeProblem(403);
        await (await admin.GetAsync($"{basePath}/supplies")).ShouldBeProblem(403);
        var totals = await admin.ReadJson("/api/admin/member-economy?from=2026-01-01&to=2026-12-31");
        var line = totals["items"]!.AsArray().Single(i => i!["cooperativeId"]!.GetValue<Guid>() == coop.Id)!;
        (line["membersPaid"]!.GetValue<int>(), line["paidToMembers"]!["amount"]!.GetValue<decimal>(), line["supplied"]!["amount"]!.GetValue<decimal>())
            .Should().Be((1, 150m, 200m));
        line.AsObject().Select(p => p.Key).Should().NotContain(k => k.Contains("member", StringComparison.OrdinalIgnoreCase) && k.EndsWith("Id"));
        await (await fadma.Client.GetAsync("/api/admin/member-economy")).ShouldBeProblem(403);
        await (await app.Anonymous().GetAsync($"{basePath}/members/{herId}/statement")).ShouldBeProblem(401);
    }
}
