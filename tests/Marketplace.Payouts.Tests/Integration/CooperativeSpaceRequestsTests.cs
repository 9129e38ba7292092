using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>The requests of Payouts' Contracts that the cooperative space's pages send: the API's answers, the API's rights.</summary>
[Collection(PayoutsCollection.Name)]
public sealed class CooperativeSpaceRequestsTests(PayoutsApp app)
{
    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Fact]
    public async Task Given_a_payout_a_cash_commission_and_a_pending_card_sale_When_its_staff_ask_Then_the_answers_are_the_apis()
    {
        var admin = (await app.AdminAsync()).Client;
        await admin.SetCommissionAsync(0.10m);
        var coop = await app.Cooperatives.NewAsync("Space");
        await app.Cooperatives.SetBankAccountAsync(coop, Ribs.New());
        await app.Orders.DeliveredCardSaleAsync(coop, 0m, new TestLine("honey", 500m));           // available 450
        var run = await PayoutRunTests.RunAsync(admin, app.Today());             // paid out: 450
        var cash = await app.Orders.DeliveredCashSaleAsync(coop, 0m, new TestLine("honey", 300m)); // owed 30
        var card = await app.Orders.PlaceAsync("card", new TestPart(coop, 0m, new TestLine("honey", 100m)));
        await app.Orders.PayAsync(card);                                                            // pending 90
        var viewer = coop.Owner.Id;

        var balance = await SendAsync(new GetCooperativeBalance(coop.Id, viewer));
        (balance.Available, balance.Pending, balance.OwedToPlatform, balance.Payable, balance.Currency)
            .Should().Be((0m, 90m, 30m, -30m, "MAD"));
        (balance.Available, balance.Pending, balance.OwedToPlatform).Should().Be(await coop.Owner.Client.BalanceAsync(coop.Id));

        var ledger = await SendAsync(new GetCooperativeLedger(coop.Id, viewer, Page: 1, PageSize: 2));
        var api = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?page=1&pageSize=2")).Json();
        ledger.Total.Should().Be(api["total"]!.GetValue<long>());
        ledger.Items.Select(e => (e.Kind, e.Account, e.Reference, e.Amount, e.BalanceAfter)).Should().Equal(api["items"]!.AsArray()
            .Select(e => (e!["kind"]!.GetValue<string>(), e["account"]!.GetValue<string>(), e["reference"]!.GetValue<string>(),
                e["amount"].Mad(), e["balanceAfter"].Mad())));
        ledger.Items.Select(e => e.Account).Should().Contain("pending", "accounts are spelled as in the API");

        var payouts = await SendAsync(new ListCooperativePayouts(coop.Id, viewer));
        var payout = payouts.Items.Should().ContainSingle().Subject;
        payout.Reference.Should().Be(PayoutRunTests.PayoutOf(run, coop)!["reference"]!.GetValue<string>());
        (payout.Amount, payout.Currency, payout.Method, payout.Status).Should().Be((450m, "MAD", "bank_transfer", "pending"));

        var month = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1));
        var statement = await SendAsync(new GetCooperativeStatement(coop.Id, viewer, month.Year, month.Month, "ar"));
        statement.FileName.Should().Be($"statement-{month:yyyy-MM}.csv");
        statement.ContentType.Should().StartWith("text/csv");
        var csv = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/statements/{month:yyyy-MM}.csv?lang=ar")).Content.ReadAsByteArrayAsync();
        statement.Content.Should().Equal(csv);
        Encoding.UTF8.GetString(statement.Content).Should().Contain($"cash_sale_commission,owed_to_platform,{cash.Number},30.00,30.00,MAD");
    }

    [Fact]
    public async Task Given_a_stranger_or_an_unknown_cooperative_When_asking_Then_Forbidden_or_NotFound_and_an_administrator_may_see()
    {
        var coop = await app.Cooperatives.NewAsync("Private");
        var stranger = await app.NewShopperAsync("stranger");

        await FluentActions.Awaiting(() => SendAsync(new GetCooperativeBalance(coop.Id, stranger.Id))).Should().ThrowAsync<Forbidden>();
        await FluentActions.Awaiting(() => SendAsync(new GetCooperativeLedger(coop.Id, stranger.Id))).Should().ThrowAsync<Forbidden>();
        await FluentActions.Awaiting(() => SendAsync(new ListCooperativePayouts(coop.Id, stranger.Id))).Should().ThrowAsync<Forbidden>();
        await FluentActions.Awaiting(() => SendAsync(new GetCooperativeStatement(coop.Id, stranger.Id, 2026, 11, "fr"))).Should().ThrowAsync<Forbidden>();
        await FluentActions.Awaiting(() => SendAsync(new GetCooperativeBalance(Guid.NewGuid(), stranger.Id))).Should().ThrowAsync<NotFound>();
        await FluentActions.Awaiting(() => SendAsync(new GetCooperativeStatement(coop.Id, coop.Owner.Id, 2026, 13, "fr")))
            .Should().ThrowAsync<ValidationFailed>();
        (await SendAsync(new GetCooperativeBalance(coop.Id, stranger.Id, ViewerIsAdmin: true))).Payable.Should().Be(0m);
    }
}
