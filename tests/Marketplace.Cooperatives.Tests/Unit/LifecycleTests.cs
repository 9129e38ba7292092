using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using static Marketplace.Cooperatives.Tests.Unit.Given;

namespace Marketplace.Cooperatives.Tests.Unit;

public sealed class LifecycleTests
{
    [Fact]
    public void Given_an_application_Then_the_cooperative_is_pending_and_its_applicant_owns_it()
    {
        var c = Pending();
        c.Status.Should().Be(Status.Pending);
        c.OwnerId.Should().Be(Owner);
        c.IsOwner(Owner).Should().BeTrue();
        c.IsStaff(Owner).Should().BeTrue();
        c.StaffIds.Should().Equal(Owner);
    }

    [Fact]
    public void Given_a_pending_cooperative_When_an_admin_verifies_it_Then_verified_by_that_admin_at_that_time() =>
        Lifecycle.Verify(Pending(), Admin, Now).Should().Equal(new CooperativeVerified(Id, Admin, Now));

    [Fact]
    public void Given_a_verified_cooperative_When_suspended_Then_suspended_with_the_reason() =>
        Lifecycle.Suspend(Verified(), Admin, "fraud", Now).Should().Equal(new CooperativeSuspended(Id, "fraud", Admin, Now));

    [Fact]
    public void Given_a_suspended_cooperative_When_reinstated_Then_it_is_verified_again()
    {
        var events = Lifecycle.Reinstate(Suspended(), Admin, Now);
        events.Should().Equal(new CooperativeReinstated(Id, Admin, Now));
        Suspended([.. events]).Status.Should().Be(Status.Verified);
    }

    public static TheoryData<string, string> IllegalChanges => new()
    {
        { "verified", "verify" }, { "suspended", "verify" },
        { "pending", "suspend" }, { "suspended", "suspend" },
        { "pending", "reinstate" }, { "verified", "reinstate" },
    };

    [Theory, MemberData(nameof(IllegalChanges))]
    public void Given_a_status_When_an_illegal_change_is_asked_Then_the_rule_refuses_it(string from, string change)
    {
        var c = from switch { "pending" => Pending(), "verified" => Verified(), _ => Suspended() };
        Func<IReadOnlyList<object>> act = change switch
        {
            "verify" => () => Lifecycle.Verify(c, Admin, Now),
            "suspend" => () => Lifecycle.Suspend(c, Admin, null, Now),
            _ => () => Lifecycle.Reinstate(c, Admin, Now),
        };
        act.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("illegal_status_change");
    }

    [Fact]
    public void Given_a_pending_cooperative_Then_only_its_staff_and_admins_can_see_it_and_everyone_once_verified()
    {
        Access.CanSee(Pending(), null, isAdmin: false).Should().BeFalse();
        Access.CanSee(Pending(), Stranger, isAdmin: false).Should().BeFalse();
        Access.CanSee(Pending(), Owner, isAdmin: false).Should().BeTrue();
        Access.CanSee(Pending(), Stranger, isAdmin: true).Should().BeTrue();
        Access.CanSee(Suspended(), Stranger, isAdmin: false).Should().BeFalse();
        Access.CanSee(Verified(), null, isAdmin: false).Should().BeTrue();
    }

    [Fact]
    public void Given_an_application_in_several_languages_Then_its_search_text_is_folded()
    {
        var c = Cooperative.Fold([Given.Applied(Id) with { Name = new() { ["fr"] = "Coopérative Élan", ["ar"] = "تعاونية أركان" } }]);
        c.SearchText.Should().Contain("cooperative elan").And.Contain("اركان").And.Contain("rc-1234");
    }
}
