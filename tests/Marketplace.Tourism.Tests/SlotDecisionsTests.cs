using Marketplace.BuildingBlocks;
using Marketplace.Tourism.Contracts;
using Marketplace.Tourism.Domain;

namespace Marketplace.Tourism.Tests;

/// <summary>A slot's seats: given its events, when seats are asked for, then held or refused.</summary>
public sealed class SlotDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Slot Given(int capacity, params IDomainEvent[] events)
    {
        var slot = new Slot();
        slot.Apply(new SlotOpened(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(5), capacity, 12, SlotStatuses.Open, Guid.NewGuid(), Now));
        foreach (var e in events)
            if (e is SeatsReserved r) slot.Apply(r); else slot.Apply((SeatsReleased)e);
        return slot;
    }

    [Fact]
    public void Seats_are_held_up_to_the_capacity_and_no_further()
    {
        var slot = Given(10);
        slot.Apply((SeatsReserved)SlotDecisions.Reserve(slot, Guid.NewGuid(), 7, Now).Single());
        SlotDecisions.CannotReserve(slot, 4, Now).Should().Be("not_enough_seats");
        FluentActions.Invoking(() => SlotDecisions.Reserve(slot, Guid.NewGuid(), 4, Now)).Should().Throw<DomainRuleViolated>()
            .Which.Code.Should().Be("not_enough_seats");
        SlotDecisions.Reserve(slot, Guid.NewGuid(), 3, Now).Should().ContainSingle();
    }

    [Fact]
    public void An_order_holding_seats_asks_again_and_nothing_more_is_held()
    {
        var order = Guid.NewGuid();
        var slot = Given(10);
        slot.Apply((SeatsReserved)SlotDecisions.Reserve(slot, order, 4, Now).Single());
        SlotDecisions.Reserve(slot, order, 4, Now).Should().BeEmpty();
        slot.SeatsLeft.Should().Be(6);
    }

    [Fact]
    public void Released_seats_can_be_booked_again_and_releasing_twice_changes_nothing()
    {
        var order = Guid.NewGuid();
        var slot = Given(2);
        slot.Apply((SeatsReserved)SlotDecisions.Reserve(slot, order, 2, Now).Single());
        slot.Apply((SeatsReleased)SlotDecisions.Release(slot, order, "expired", Now).Single());
        SlotDecisions.Release(slot, order, "expired", Now).Should().BeEmpty();
        SlotDecisions.CannotReserve(slot, 2, Now).Should().BeNull();
    }

    [Fact]
    public void Bookings_close_at_the_cutoff_and_on_a_closed_slot()
    {
        var slot = Given(10);
        SlotDecisions.CannotReserve(slot, 1, slot.StartsAt.AddHours(-12).AddSeconds(-1)).Should().BeNull();
        SlotDecisions.CannotReserve(slot, 1, slot.StartsAt.AddHours(-12)).Should().Be("booking_closed");
        slot.Status = SlotStatuses.Closed;
        SlotDecisions.CannotReserve(slot, 1, Now).Should().Be("closed");
        SlotDecisions.CannotReserve(null, 1, Now).Should().Be("unknown");
    }

    [Theory]
    [InlineData("2027-05-08T09:00", "2027-05-08T08:00:00Z")] // Casablanca is UTC+1
    [InlineData("2027-02-20T09:00", "2027-02-20T09:00:00Z")] // but UTC+0 during Ramadan
    [InlineData("2027-05-08T09:00:00+01:00", "2027-05-08T08:00:00Z")]
    [InlineData("2027-05-08T08:00:00Z", "2027-05-08T08:00:00Z")]
    public void A_start_is_read_as_Casablancas_day_and_time_or_as_an_instant(string written, string utc) =>
        LocalTime.Parse(written).Should().Be(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2027-02-30T09:00")]
    [InlineData("")]
    public void Something_else_is_not_a_start(string written) => LocalTime.Parse(written).Should().BeNull();
}
