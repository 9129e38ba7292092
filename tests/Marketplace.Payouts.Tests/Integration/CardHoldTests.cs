using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>The platform as deployed: a delivered card sale is available 7 days after its delivery (Marketplace:Payouts:CardHoldDays).</summary>
public sealed class PayoutsAppWithCardHold : PayoutsApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Marketplace:Payouts:CardHoldDays"] = "7";
    }
}

/// <summary>Issue 14, part 3: a delivered card sale becomes available after the card hold days; until then it is pending.</summary>
public sealed class CardHoldTests(PayoutsAppWithCardHold app) : IClassFixture<PayoutsAppWithCardHold>
{
    [Fact]
    public async Task Given_a_delivered_card_sale_Then_it_stays_pending_for_7_days_then_becomes_available_dated_when_due_and_is_paid_once()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Hold");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 400m));

        (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 360m, 0m), "held for 7 days after delivery");
        PayoutRunTests.PayoutOf(await PayoutRunTests.RunAsync(admin, app.Today()), coop).Should().BeNull();

        using (app.Clock.Advance(TimeSpan.FromDays(6)))
            PayoutRunTests.PayoutOf(await PayoutRunTests.RunAsync(admin, app.Today()), coop).Should().BeNull("6 days are not 7");
        using (app.Clock.Advance(TimeSpan.FromDays(8)))
        {
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<Marketplace.Payouts.Jobs.ReleaseCardSalesJob>().RunAsync(CancellationToken.None);
            (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((360m, 0m, 0m));
            var entry = (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=1")).Json())["items"]![0]!;
            entry["kind"]!.GetValue<string>().Should().Be("available");
            entry["at"]!.GetValue<DateTimeOffset>().Should().BeBefore(app.Clock.GetUtcNow().AddDays(-0.5), "dated when it was due, 7 days after delivery");

            var run = await PayoutRunTests.RunAsync(admin, app.Today());
            PayoutRunTests.PayoutOf(run, coop)!["amount"].Mad().Should().Be(360m);
            (await coop.Owner.Client.BalanceAsync(coop.Id)).Should().Be((0m, 0m, 0m));
        }
    }
}
