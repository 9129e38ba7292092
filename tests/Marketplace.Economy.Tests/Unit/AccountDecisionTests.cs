using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;

namespace Marketplace.Economy.Tests.Unit;

/// <summary>Given a member's events, when staff record a supply, a correction or a payment, then these events (or this refusal).</summary>
public sealed class AccountDecisionTests
{
    private static readonly Guid Cooperative = Guid.NewGuid(), Member = Guid.NewGuid(), Staff = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static MemberAccount Given(params object[] events)
    {
        var account = MemberAccount.Empty(Member, Cooperative);
        foreach (var e in events) account.Then(e);
        return account;
    }

    private static SupplyRecorded Supply(Guid id, decimal kg, decimal price, DateOnly? date = null) =>
        (SupplyRecorded)AccountDecisions.RecordSupply(Given(), id, new SupplyInput(date ?? new DateOnly(2026, 3, 2), "Amandons d'argan", kg, "kg", "A",
            Money.Mad(price), "L-12"), Staff, Now).Single();

    [Fact]
    public void A_supply_is_owed_at_quantity_times_the_unit_price_rounded_to_the_centime()
    {
        var supply = Supply(Guid.NewGuid(), 12.345m, 17.5m);
        supply.Amount.Should().Be(Money.Mad(216.04m));
        Given(supply).Balance.Should().Be(Money.Mad(216.04m));
    }

    [Fact]
    public void A_correction_reverses_the_wrong_entry_with_the_opposite_quantity_and_amount_and_leaves_it_as_it_was()
    {
        var wrong = Supply(Guid.NewGuid(), 40m, 12m);
        var account = Given(wrong);
        var reversal = (SupplyRecorded)AccountDecisions.Reverse(account, wrong, Guid.NewGuid(), new DateOnly(2026, 3, 3), "40 kg, not 4", Staff, Now).Single();

        reversal.Reverses.Should().Be(wrong.SupplyId);
        reversal.Quantity.Should().Be(-40m);
        reversal.Amount.Should().Be(Money.Mad(-480m));
        (reversal.Item, reversal.UnitPrice, reversal.Lot).Should().Be((wrong.Item, wrong.UnitPrice, wrong.Lot));
        var after = Given(wrong, reversal);
        after.Balance.Should().Be(Money.Zero());
        after.Supplies.Should().HaveCount(2, "the wrong entry stays in the history");
    }

    [Fact]
    public void A_supply_is_reversed_once_and_a_correction_is_never_reversed()
    {
        var wrong = Supply(Guid.NewGuid(), 4m, 12m);
        var reversal = (SupplyRecorded)AccountDecisions.Reverse(Given(wrong), wrong, Guid.NewGuid(), wrong.Date, "typo", Staff, Now).Single();
        var account = Given(wrong, reversal);

        var again = () => AccountDecisions.Reverse(account, wrong, Guid.NewGuid(), wrong.Date, "again", Staff, Now);
        again.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("supply_already_reversed");
        var ofReversal = () => AccountDecisions.Reverse(account, reversal, Guid.NewGuid(), wrong.Date, "undo", Staff, Now);
        ofReversal.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("reversal_of_reversal");
        var backdated = () => AccountDecisions.Reverse(Given(wrong), wrong, Guid.NewGuid(), wrong.Date.AddDays(-1), "before", Staff, Now);
        backdated.Should().Throw<ValidationFailed>();
    }

    [Fact]
    public void A_payment_beyond_what_is_owed_is_refused_unless_it_is_an_advance()
    {
        var account = Given(Supply(Guid.NewGuid(), 10m, 30m));
        AccountDecisions.Pay(account, Guid.NewGuid(), new DateOnly(2026, 3, 5), Money.Mad(300m), "cash", null, false, Staff, Now).Should().ContainSingle();
        var tooMuch = () => AccountDecisions.Pay(account, Guid.NewGuid(), new DateOnly(2026, 3, 5), Money.Mad(300.01m), "cash", null, false, Staff, Now);
        tooMuch.Should().Throw<Unprocessable>().WithMessage("*300.00 MAD*advance*");

        var advance = (MemberPaid)AccountDecisions.Pay(account, Guid.NewGuid(), new DateOnly(2026, 3, 5), Money.Mad(500m), "wallet", "avance Aïd", true,
            Staff, Now).Single();
        Given(Supply(Guid.NewGuid(), 10m, 30m), advance).Balance.Should().Be(Money.Mad(-200m), "an advance not yet covered by supplies");
    }
}
