using System.Text;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>Reading a cooperative's money: ledger pages, days, and the monthly statement.</summary>
[Collection(PayoutsCollection.Name)]
public sealed class LedgerReadingTests(PayoutsApp app)
{
    [Fact]
    public async Task Given_entries_When_reading_the_ledger_Then_pages_come_newest_first_and_every_balance_is_the_sum_of_its_entries()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Paged");
        for (var i = 1; i <= 3; i++) await app.Orders.DeliveredCardSaleAsync(coop, 10m, new TestLine("honey", 100m * i));
        await app.Orders.DeliveredCashSaleAsync(coop, 0m, new TestLine("honey", 50m));

        var first = await (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?page=1&pageSize=4")).ShouldHaveStatus(200)).Json();
        var second = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?page=2&pageSize=4")).Json();
        var third = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?page=3&pageSize=4")).Json();
        first["total"]!.GetValue<int>().Should().Be(10);
        first["page"]!.GetValue<int>().Should().Be(1);
        first["pageSize"]!.GetValue<int>().Should().Be(4);
        var entries = new[] { first, second, third }.SelectMany(p => p["items"]!.AsArray()).ToList();
        entries.Should().HaveCount(10);
        entries[0]!["kind"]!.GetValue<string>().Should().Be("cash_sale_commission");
        entries[0]!["account"]!.GetValue<string>().Should().Be("owed_to_platform");
        entries.Select(e => e!["at"]!.GetValue<DateTimeOffset>()).Should().BeInDescendingOrder();

        var balance = await coop.Owner.Client.BalanceAsync(coop.Id);
        var sums = entries.GroupBy(e => e!["account"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Sum(e => e!["amount"].Mad()));
        (sums.GetValueOrDefault("available"), sums.GetValueOrDefault("pending"), sums.GetValueOrDefault("owed_to_platform")).Should().Be(balance);
        balance.Should().Be((570m, 0m, 5m));
        foreach (var account in entries.GroupBy(e => e!["account"]!.GetValue<string>()))
            account.First()!["balanceAfter"].Mad().Should().Be(sums[account.Key], "the newest entry of an account carries its balance");
    }

    [Fact]
    public async Task Given_a_month_of_entries_When_downloading_the_statement_Then_it_is_csv_in_utf8_with_a_bom()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Statement");
        var order = await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 100m));
        var month = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM");

        var response = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/statements/{month}.csv?lang=ar")).ShouldHaveStatus(200);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("date,cooperative,kind,account,reference,amount,balance_after,currency");
        lines.Skip(1).Should().HaveCount(3).And.AllSatisfy(l => l.Should().Contain(order.Number).And.Contain(coop.ArabicName));
        lines.Last().Should().EndWith("delivery,available," + order.Number + ",90.00,90.00,MAD");
        var empty = await (await admin.GetAsync($"/api/cooperatives/{coop.Id}/statements/2020-01.csv")).ShouldHaveStatus(200);
        Encoding.UTF8.GetString((await empty.Content.ReadAsByteArrayAsync())[3..]).Trim().Should().Be(lines[0]);
    }

    [Fact]
    public async Task Given_entries_on_several_days_When_reading_the_ledger_between_two_days_Then_only_those_days_are_listed()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Dated");
        var order = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("honey", 100m)));
        await app.Orders.PayAsync(order);
        var today = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1));
        using (app.Clock.Advance(TimeSpan.FromDays(3)))
            await app.Orders.DeliverAsync(order, coop);

        async Task<int> CountAsync(string query) =>
            (await (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?{query}")).ShouldHaveStatus(200)).Json())["total"]!.GetValue<int>();

        (await CountAsync($"from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Should().Be(1);
        (await CountAsync($"from={today.AddDays(3):yyyy-MM-dd}")).Should().Be(2);
        (await CountAsync($"to={today.AddDays(-1):yyyy-MM-dd}")).Should().Be(0);
        (await CountAsync("")).Should().Be(3);
    }
}
