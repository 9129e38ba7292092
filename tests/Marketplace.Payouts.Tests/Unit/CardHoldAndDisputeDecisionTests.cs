using Marketplace.Payouts.Domain.Ledger;
using static Marketplace.Payouts.Tests.Unit.LedgerTestKit;

namespace Marketplace.Payouts.Tests.Unit;

public sealed class CardHoldAndDisputeDecisionTests
{
    [Fact]
    public void Given_a_delivered_card_sale_with_a_7_day_hold_Then_it_stays_pending_and_matures_once_dated_when_due()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(230m, 20m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));

        kit.Do(l => LedgerDecisions.DeliverCardSale(l, sale.SubOrderId, T0.AddDays(1), TimeSpan.FromDays(7))).Single().Legs.Should().BeEmpty();
        kit.Ledger.NextAvailableAt.Should().Be(T0.AddDays(8));
        kit.Do(l => LedgerDecisions.MatureCardSale(l, sale.SubOrderId, T0.AddDays(7.9))).Should().BeEmpty("not due yet");

        var matured = kit.Do(l => LedgerDecisions.MatureCardSale(l, sale.SubOrderId, T0.AddDays(10))).Should().ContainSingle().Subject;

        matured.At.Should().Be(T0.AddDays(8), "dated when it was due, however late the job ran");
        kit.Balance.Should().Be((210m, 0m, 0m));
        kit.Ledger.NextAvailableAt.Should().BeNull();
        kit.Do(l => LedgerDecisions.MatureCardSale(l, sale.SubOrderId, T0.AddDays(11))).Should().BeEmpty("once");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_a_disputed_sale_Then_its_net_is_held_out_of_every_payout_and_a_won_dispute_puts_it_back_where_it_was(bool delivered)
    {
        var kit = new LedgerTestKit();
        var sale = Sale(230m, 20m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));
        if (delivered) kit.Do(l => LedgerDecisions.DeliverCardSale(l, sale.SubOrderId, T0, TimeSpan.Zero));

        kit.Do(l => LedgerDecisions.HoldSale(l, sale.SubOrderId, "dp_1", T0.AddDays(1)));
        kit.Do(l => LedgerDecisions.HoldSale(l, sale.SubOrderId, "dp_1", T0.AddDays(1))).Should().BeEmpty("held once");

        (kit.Ledger.Held.Amount, kit.Ledger.Payable.Amount).Should().Be((210m, 0m));
        kit.Payout(minimum: 1m).Should().BeNull("held money is never paid out");
        kit.Do(l => LedgerDecisions.ReleaseSale(l, sale.SubOrderId, "dp_1", T0.AddDays(2)));
        kit.Balance.Should().Be(delivered ? (210m, 0m, 0m) : (0m, 210m, 0m));
        kit.Ledger.Held.Amount.Should().Be(0m);
    }

    [Fact]
    public void Given_a_held_sale_When_the_dispute_is_lost_Then_it_is_reversed_from_held_and_every_account_balances()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(230m, 20m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));
        kit.Do(l => LedgerDecisions.HoldSale(l, sale.SubOrderId, "dp_2", T0));

        var lost = kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.DisputeLost,
            sale.Gross, T0.AddDays(30)));

        lost.Single().Legs.Select(x => x.Account).Should().BeEquivalentTo([LedgerAccount.Held, LedgerAccount.Commission, LedgerAccount.PlatformCash]);
        (kit.Ledger.Held.Amount, kit.Ledger.Commission.Amount, kit.Ledger.PlatformCash.Amount).Should().Be((0m, 0m, 0m));
        kit.Do(l => LedgerDecisions.ReleaseSale(l, sale.SubOrderId, "dp_2", T0.AddDays(30))).Should().BeEmpty("nothing left to release");
    }
}
