using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using static Marketplace.Cooperatives.Tests.Unit.Given;

namespace Marketplace.Cooperatives.Tests.Unit;

public sealed class ManagementTests
{
    private static readonly MemberDetails President = new("Aicha Oubella", MemberRoles.President, new DateOnly(2015, 4, 1), "female", 10);

    [Fact]
    public void Given_the_owner_When_adding_staff_Then_the_user_works_for_the_cooperative()
    {
        var events = Management.AddStaff(Verified(), Owner, Staff, "staff@x.ma", Now);
        events.Should().Equal(new StaffAdded(Id, Staff, "staff@x.ma", Owner, Now));
        Verified([.. events]).IsStaff(Staff).Should().BeTrue();
    }

    [Fact]
    public void Given_staff_who_is_not_the_owner_When_adding_staff_Then_forbidden()
    {
        var c = Verified(new StaffAdded(Id, Staff, "staff@x.ma", Owner, Now));
        var act = () => Management.AddStaff(c, Staff, Stranger, "s@x.ma", Now);
        act.Should().Throw<Forbidden>();
    }

    [Fact]
    public void Given_a_staff_member_When_added_again_Then_409_and_the_owner_cannot_be_removed()
    {
        var c = Verified(new StaffAdded(Id, Staff, "staff@x.ma", Owner, Now));
        FluentActions.Invoking(() => Management.AddStaff(c, Owner, Staff, "staff@x.ma", Now))
            .Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("already_staff");
        FluentActions.Invoking(() => Management.RemoveStaff(c, Owner, Owner, Now))
            .Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("owner_cannot_be_removed");
        FluentActions.Invoking(() => Management.RemoveStaff(c, Owner, Stranger, Now)).Should().Throw<NotFound>();
        var removed = Verified([new StaffAdded(Id, Staff, "staff@x.ma", Owner, Now), .. Management.RemoveStaff(c, Owner, Staff, Now)]);
        removed.IsStaff(Staff).Should().BeFalse();
    }

    [Fact]
    public void Given_a_current_president_When_adding_another_Then_the_office_is_taken_but_after_she_left_it_is_free()
    {
        var first = Guid.CreateVersion7();
        var c = Verified(Management.AddMember(Verified(), Owner, first, President, Now).ToArray());
        FluentActions.Invoking(() => Management.AddMember(c, Owner, Guid.CreateVersion7(), President with { FullName = "Other" }, Now))
            .Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("office_taken");

        var left = Verified([.. Management.AddMember(Verified(), Owner, first, President, Now),
            new MemberLeft(Id, first, new DateOnly(2025, 1, 1), Owner, Now)]);
        Management.AddMember(left, Owner, Guid.CreateVersion7(), President with { FullName = "Other" }, Now).Should().ContainSingle();
        left.Members.Single().LeftOn.Should().Be(new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void Given_a_member_When_leaving_before_joining_or_twice_Then_refused()
    {
        var id = Guid.CreateVersion7();
        var c = Verified(Management.AddMember(Verified(), Owner, id, President, Now).ToArray());
        FluentActions.Invoking(() => Management.MemberLeaves(c, Owner, id, new DateOnly(2014, 1, 1), Now)).Should().Throw<ValidationFailed>();
        var gone = Verified([.. Management.AddMember(Verified(), Owner, id, President, Now), .. Management.MemberLeaves(c, Owner, id, new DateOnly(2024, 1, 1), Now)]);
        FluentActions.Invoking(() => Management.MemberLeaves(gone, Owner, id, new DateOnly(2024, 2, 1), Now))
            .Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("member_already_left");
        FluentActions.Invoking(() => Management.AddMember(c, Stranger, Guid.CreateVersion7(), President, Now)).Should().Throw<Forbidden>();
    }

    [Fact]
    public void Given_no_account_When_the_owner_sets_one_Then_it_takes_effect_at_once()
    {
        var events = Management.SetPayoutAccount(Verified(), Owner, PayoutMethods.BankTransfer, "230780000012345678901282", null, Now);
        events.Should().Equal(new PayoutAccountSet(Id, PayoutMethods.BankTransfer, "230780000012345678901282", null, null, Owner, Now));
    }

    [Fact]
    public void Given_an_account_When_the_owner_changes_it_Then_payouts_are_on_hold_48_hours_and_the_same_account_changes_nothing()
    {
        var c = Verified(new PayoutAccountSet(Id, PayoutMethods.BankTransfer, "230780000012345678901282", null, null, Owner, Now.AddDays(-5)));
        var changed = Management.SetPayoutAccount(c, Owner, PayoutMethods.StripeConnect, null, "acct_1A2b3C", Now);
        changed.Should().Equal(new PayoutAccountSet(Id, PayoutMethods.StripeConnect, null, "acct_1A2b3C", Now.AddHours(48), Owner, Now));
        Management.SetPayoutAccount(c, Owner, PayoutMethods.BankTransfer, "230780000012345678901282", null, Now).Should().BeEmpty();
    }

    [Theory]
    [InlineData("bank_transfer", "230780000012345678901283", null, "rib")]
    [InlineData("bank_transfer", null, null, "rib")]
    [InlineData("stripe_connect", null, " ", "stripeAccountId")]
    [InlineData("cheque", null, null, "method")]
    public void Given_an_account_that_breaks_the_rules_When_the_decision_is_asked_directly_Then_it_refuses_it_too(
        string method, string? rib, string? stripe, string field) =>
        FluentActions.Invoking(() => Management.SetPayoutAccount(Verified(), Owner, method, rib, stripe, Now))
            .Should().Throw<ValidationFailed>().Which.Errors.Keys.Should().Equal(field);

    [Fact]
    public void Given_a_state_When_an_event_is_applied_Then_a_new_state_and_the_old_one_unchanged()
    {
        var before = Verified();
        var after = Cooperative.Next(before, new StaffAdded(Id, Staff, "s@x.ma", Owner, Now))!;
        after.IsStaff(Staff).Should().BeTrue();
        before.IsStaff(Staff).Should().BeFalse();
        before.Staff.Should().ContainSingle();
    }

    [Fact]
    public void Given_staff_who_is_not_the_owner_When_setting_the_payout_account_Then_forbidden()
    {
        var c = Verified(new StaffAdded(Id, Staff, "staff@x.ma", Owner, Now));
        FluentActions.Invoking(() => Management.SetPayoutAccount(c, Staff, PayoutMethods.StripeConnect, null, "acct_1", Now))
            .Should().Throw<Forbidden>();
        Management.SetShipping(c, Staff, Money.Mad(25), Money.Mad(300), Now)
            .Should().Equal(new ShippingPolicySet(Id, Money.Mad(25), Money.Mad(300), Staff, Now));
        FluentActions.Invoking(() => Management.SetShipping(c, Stranger, Money.Mad(25), null, Now)).Should().Throw<Forbidden>();
    }
}
