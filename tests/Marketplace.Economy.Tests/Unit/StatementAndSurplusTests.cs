using Marketplace.Economy.Domain;

namespace Marketplace.Economy.Tests.Unit;

public sealed class StatementAndSurplusTests
{
    private static long sequence;

    private static MemberEntry Line(string kind, string date, decimal amount) =>
        new() { Id = Guid.NewGuid(), Kind = kind, Date = DateOnly.Parse(date), Amount = amount, RecordedAt = DateTimeOffset.UnixEpoch.AddSeconds(++sequence) };

    [Fact]
    public void A_statement_opens_with_everything_before_the_period_and_closes_with_supplies_plus_surplus_minus_payments()
    {
        var lines = new[]
        {
            Line(EntryKinds.Supply, "2025-12-20", 600m), Line(EntryKinds.Payment, "2025-12-28", 450m),
            Line(EntryKinds.Supply, "2026-01-05", 240m), Line(EntryKinds.Supply, "2026-01-05", -40m),
            Line(EntryKinds.Payment, "2026-01-15", 300m), Line(EntryKinds.Surplus, "2026-01-31", 85.5m),
            Line(EntryKinds.Supply, "2026-02-02", 999m),
        };
        var s = StatementMath.Of(lines, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

        s.Opening.Should().Be(150m);
        s.Supplies.Select(l => l.Amount).Should().Equal(240m, -40m);
        s.SuppliesTotal.Should().Be(200m);
        s.PaymentsTotal.Should().Be(300m);
        s.SurplusTotal.Should().Be(85.5m);
        s.Closing.Should().Be(150m + 200m + 85.5m - 300m);
        StatementMath.Of(lines, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)).Opening.Should().Be(s.Closing, "one period closes where the next opens");
    }

    [Fact]
    public void The_surplus_shares_are_pro_rata_to_supplies_and_add_up_to_the_surplus_with_the_remainder_to_the_largest()
    {
        var (a, b, c, none) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var shares = SurplusSplit.Split(1000m, [(a, 100m), (b, 200m), (c, 300m), (none, 0m)]);

        shares.Select(s => s.MemberId).Should().Equal(a, b, c);
        shares.Select(s => s.Share).Should().Equal(166.66m, 333.33m, 500.01m);
        shares.Sum(s => s.Share).Should().Be(1000m);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(7777.77)]
    [InlineData(100000)]
    public void Whatever_the_surplus_and_the_supplies_the_shares_add_up_to_it_exactly(double surplus)
    {
        var random = new Random(42);
        var supplies = Enumerable.Range(0, 37).Select(_ => (Guid.NewGuid(), Math.Round((decimal)random.NextDouble() * 5000m, 2))).ToList();
        var shares = SurplusSplit.Split((decimal)surplus, supplies);
        shares.Sum(s => s.Share).Should().Be((decimal)surplus);
        shares.Should().OnlyContain(s => s.Share >= 0);
    }

    [Fact]
    public void Nobody_shares_when_nobody_supplied()
    {
        SurplusSplit.Split(500m, [(Guid.NewGuid(), 0m), (Guid.NewGuid(), -10m)]).Should().BeEmpty();
    }

    [Theory]
    [InlineData(10, 0.5, 5, 5, true)]
    [InlineData(10, 0.5, 4, 5, false)]
    [InlineData(9, 0.5, 5, 5, true)]
    [InlineData(9, 0.5, 4, 5, false)]
    [InlineData(9, 2.0 / 3, 6, 6, true)]
    [InlineData(9, 2.0 / 3, 5, 6, false)]
    [InlineData(0, 0.5, 0, 0, false)]
    public void The_quorum_is_the_rules_fraction_of_the_members_on_the_day_rounded_up(int members, double fraction, int attending, int required, bool met)
    {
        var f = fraction == 2.0 / 3 ? Quorum.ExtraordinaryDefault : (decimal)fraction;
        Quorum.Required(members, f).Should().Be(required);
        Quorum.Met(attending, members, f).Should().Be(met);
    }

    [Fact]
    public void An_ordinary_decision_needs_more_for_than_against_an_extraordinary_one_two_thirds_and_none_without_quorum()
    {
        Quorum.Adopted("ordinary", true, 5, 4, 3).Should().BeTrue();
        Quorum.Adopted("ordinary", true, 4, 4, 0).Should().BeFalse();
        Quorum.Adopted("extraordinary", true, 6, 2, 1).Should().BeTrue();
        Quorum.Adopted("extraordinary", true, 5, 2, 1).Should().BeFalse();
        Quorum.Adopted("ordinary", false, 9, 0, 0).Should().BeFalse();
    }
}
