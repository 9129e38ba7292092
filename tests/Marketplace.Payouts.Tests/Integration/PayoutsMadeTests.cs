using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>What the programme's impact reads of Payouts (GetPayoutsMade): the transfers that left in the period, not those waiting.</summary>
[Collection(PayoutsCollection.Name)]
public sealed class PayoutsMadeTests(PayoutsApp app)
{
    private async Task<PayoutsMade> MadeAsync(DateOnly from, DateOnly to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPayoutsMade(from, to));
    }

    [Fact]
    public async Task A_payout_counts_as_made_on_the_day_it_is_sent_and_not_while_it_waits()
    {
        var admin = await app.AdminAsync();
        var today = DateOnly.Parse(app.Today());
        var before = await MadeAsync(today, today);
        var (_, _, payout) = await BankTransferTests.PendingBankPayoutAsync(app, admin.Client, "Impact", 500m);
        var amount = payout["amount"]!["amount"]!.GetValue<decimal>();

        (await MadeAsync(today, today)).Should().Be(before, "a payout waiting for its transfer has not left");
        await (await admin.Client.PostJson($"/api/admin/payouts/{payout["id"]}/mark-sent", new { bankReference = "VIR-IMPACT-1" })).ShouldHaveStatus(200);

        var after = await MadeAsync(today, today);
        (after.Payouts - before.Payouts, after.Amount - before.Amount).Should().Be((1, amount));
        after.Cooperatives.Should().Be(before.Cooperatives + 1);
        (await MadeAsync(today.AddDays(1), today.AddDays(2))).Payouts.Should().Be(0, "nothing was sent tomorrow");
        (await MadeAsync(today.AddDays(-30), today)).Amount.Should().BeGreaterThanOrEqualTo(after.Amount);
    }
}
