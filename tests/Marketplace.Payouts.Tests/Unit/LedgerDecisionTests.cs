using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using static Marketplace.Payouts.Tests.Unit.LedgerTestKit;

namespace Marketplace.Payouts.Tests.Unit;

public sealed class LedgerDecisionTests
{
    [Fact]
    public void Given_a_card_sale_When_paid_Then_its_net_is_pending_and_the_commission_is_the_platforms()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(gross: 230m, commission: 20m);

        var posted = kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));

        posted.Should().ContainSingle().Which.Should().BeOfType<CardSalePaid>();
        kit.Balance.Should().Be((0m, 210m, 0m));
        kit.Ledger.Commission.Amount.Should().Be(20m);
        kit.Ledger.PlatformCash.Amount.Should().Be(230m);
    }

    [Fact]
    public void Given_a_paid_card_sale_When_paid_again_Then_nothing_is_posted()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(230m, 20m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));

        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0)).Should().BeEmpty();
        kit.Balance.Should().Be((0m, 210m, 0m));
    }

    [Fact]
    public void Given_a_paid_card_sale_When_delivered_Then_its_net_moves_from_pending_to_available_once()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(230m, 20m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));

        var delivered = kit.Do(l => LedgerDecisions.DeliverCardSale(l, sale.SubOrderId, T0.AddDays(2), TimeSpan.Zero));
        kit.Do(l => LedgerDecisions.DeliverCardSale(l, sale.SubOrderId, T0.AddDays(3), TimeSpan.Zero)).Should().BeEmpty();

        delivered.Single().Legs.Select(x => (x.Account, x.Amount.Amount, x.BalanceAfter.Amount))
            .Should().Equal((LedgerAccount.Pending, -210m, 0m), (LedgerAccount.Available, 210m, 210m));
        kit.Balance.Should().Be((210m, 0m, 0m));
    }

    [Fact]
    public void Given_an_unpaid_card_sale_When_delivered_Then_nothing_is_credited() =>
        new LedgerTestKit().Do(l => LedgerDecisions.DeliverCardSale(l, Guid.CreateVersion7(), T0, TimeSpan.Zero)).Should().BeEmpty();

    [Fact]
    public void Given_a_cash_sale_When_delivered_Then_the_cooperative_owes_the_commission_once()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(150m, 15m);

        kit.Do(l => LedgerDecisions.DeliverCashSale(l, sale, T0)).Should().ContainSingle().Which.Should().BeOfType<CashSaleDelivered>();
        kit.Do(l => LedgerDecisions.DeliverCashSale(l, sale, T0)).Should().BeEmpty();

        kit.Balance.Should().Be((0m, 0m, 15m));
        kit.Ledger.Commission.Amount.Should().Be(15m);
    }

    [Fact]
    public void Given_a_pending_card_sale_When_cancelled_Then_every_entry_it_made_is_reversed()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(230m, 20m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));

        var reversed = kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.Cancelled, null, T0));
        kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.Refunded, sale.Gross, T0))
            .Should().BeEmpty("the refund that follows a cancellation finds nothing left to reverse");

        reversed.Single().Should().BeOfType<SaleReversed>().Which.Gross.Amount.Should().Be(230m);
        kit.Balance.Should().Be((0m, 0m, 0m));
        kit.Ledger.Commission.IsZero.Should().BeTrue();
        kit.Ledger.PlatformCash.IsZero.Should().BeTrue();
    }

    [Fact]
    public void Given_an_unpaid_card_sale_When_cancelled_Then_a_late_payment_credits_nothing()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(230m, 20m);

        kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.Cancelled, null, T0))
            .Single().Legs.Should().BeEmpty();
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0)).Should().BeEmpty();
        kit.Balance.Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void Given_a_delivered_card_sale_When_refunded_in_part_Then_the_cooperative_gives_back_its_share_and_the_platform_its_commission()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(200m, 20m); // net 180: 90% of every dirham refunded is the cooperative's
        kit.Do(l => LedgerDecisions.PayCardSale(l, sale, T0));
        kit.Do(l => LedgerDecisions.DeliverCardSale(l, sale.SubOrderId, T0, TimeSpan.Zero));

        kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.Refunded, Money.Mad(50m), T0));
        kit.Balance.Should().Be((135m, 0m, 0m));
        kit.Ledger.Commission.Amount.Should().Be(15m);

        kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.Refunded, Money.Mad(500m), T0))
            .Single().Should().BeOfType<SaleReversed>().Which.Gross.Amount.Should().Be(150m, "only what is left is reversed");
        kit.Balance.Should().Be((0m, 0m, 0m));
        kit.Ledger.Sales[sale.SubOrderId].State.Should().Be(SaleState.Closed);
    }

    [Fact]
    public void Given_a_delivered_cash_sale_When_refunded_to_a_card_Then_nothing_changes_but_a_cancellation_clears_the_debt()
    {
        var kit = new LedgerTestKit();
        var sale = Sale(150m, 15m);
        kit.Do(l => LedgerDecisions.DeliverCashSale(l, sale, T0));

        kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.Refunded, sale.Gross, T0))
            .Should().BeEmpty();
        kit.Do(l => LedgerDecisions.ReverseSale(l, sale.OrderId, sale.SubOrderId, sale.OrderNumber, ReversalReasons.Cancelled, null, T0))
            .Should().ContainSingle();
        kit.Balance.Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void Given_available_and_owed_When_paid_out_Then_the_payout_nets_them_and_clears_both()
    {
        var kit = new LedgerTestKit();
        var card = Sale(500m, 50m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, card, T0));
        kit.Do(l => LedgerDecisions.DeliverCardSale(l, card.SubOrderId, T0, TimeSpan.Zero));
        kit.Do(l => LedgerDecisions.DeliverCashSale(l, Sale(300m, 30m), T0));

        var payout = kit.Payout();

        payout!.Amount.Amount.Should().Be(420m);
        kit.Balance.Should().Be((0m, 0m, 0m));
        kit.Ledger.PlatformCash.Amount.Should().Be(80m, "the platform received 500 by card, paid out 420 and keeps 80 of commission");
    }

    [Theory]
    [InlineData(99.99, 0, false)]
    [InlineData(100, 0, true)]
    [InlineData(150, 60, false)]
    [InlineData(50, 80, false)]
    public void Given_a_balance_When_a_payout_is_decided_Then_it_pays_only_from_the_minimum(decimal available, decimal owed, bool pays)
    {
        var kit = new LedgerTestKit();
        var card = Sale(available, 0m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, card, T0));
        kit.Do(l => LedgerDecisions.DeliverCardSale(l, card.SubOrderId, T0, TimeSpan.Zero));
        if (owed > 0) kit.Do(l => LedgerDecisions.DeliverCashSale(l, Sale(owed * 10, owed), T0));

        (kit.Payout(minimum: 100m) is not null).Should().Be(pays);
        kit.Balance.Should().Be(pays ? (0m, 0m, 0m) : (available, 0m, owed));
    }

    [Fact]
    public void Given_a_failed_payout_When_returned_Then_the_balance_is_as_before_and_a_second_return_does_nothing()
    {
        var kit = new LedgerTestKit();
        var card = Sale(500m, 50m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, card, T0));
        kit.Do(l => LedgerDecisions.DeliverCardSale(l, card.SubOrderId, T0, TimeSpan.Zero));
        kit.Do(l => LedgerDecisions.DeliverCashSale(l, Sale(300m, 30m), T0));
        var payout = kit.Payout()!;

        kit.Do(l => LedgerDecisions.ReturnPayout(l, payout.PayoutId, "account_invalid", T0)).Single()
            .Should().BeOfType<PayoutReturned>().Which.Amount.Amount.Should().Be(420m);
        kit.Do(l => LedgerDecisions.ReturnPayout(l, payout.PayoutId, "account_invalid", T0)).Should().BeEmpty();

        kit.Balance.Should().Be((450m, 0m, 30m));
        kit.Payout(id: payout.PayoutId).Should().BeNull("a payout id is debited once");
    }

    [Fact]
    public void Every_transaction_balances_and_carries_the_balance_after_each_leg()
    {
        var kit = new LedgerTestKit();
        var card = Sale(500m, 50m);
        kit.Do(l => LedgerDecisions.PayCardSale(l, card, T0));
        kit.Do(l => LedgerDecisions.DeliverCardSale(l, card.SubOrderId, T0, TimeSpan.Zero));
        kit.Do(l => LedgerDecisions.DeliverCashSale(l, Sale(300m, 30m), T0));
        kit.Payout();

        foreach (var t in kit.Posted)
            t.Legs.Where(l => l.Account.IsDebitNormal()).Sum(l => l.Amount.Amount)
                .Should().Be(t.Legs.Where(l => !l.Account.IsDebitNormal()).Sum(l => l.Amount.Amount));
        foreach (var account in Enum.GetValues<LedgerAccount>())
            kit.Ledger.Balance(account).Amount.Should().Be(kit.SumOf(account));
    }

    [Fact]
    public void An_unbalanced_transaction_is_refused() =>
        FluentActions.Invoking(() => LedgerDecisions.Legs(CooperativeLedger.Empty(Guid.NewGuid()),
                (LedgerAccount.Available, Money.Mad(10m)), (LedgerAccount.PlatformCash, Money.Mad(9.99m))))
            .Should().Throw<InvalidOperationException>();
}
