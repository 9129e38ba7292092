using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Payouts;

namespace Marketplace.Payouts.Tests.Unit;

public sealed class CalendarAndReferenceTests
{
    private static readonly LocalCalendar Casablanca = LocalCalendar.For("Africa/Casablanca");

    [Fact]
    public void Given_a_period_end_When_it_ends_Then_it_is_the_end_of_that_day_in_Casablanca()
    {
        // Morocco keeps UTC+1, except during Ramadan (UTC+0).
        Casablanca.EndOf(new DateOnly(2026, 11, 29)).Should().Be(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero));
        Casablanca.EndOf(new DateOnly(2026, 2, 25)).Should().Be(new DateTimeOffset(2026, 2, 26, 0, 0, 0, TimeSpan.Zero), "Ramadan 2026: UTC+0");
    }

    [Fact]
    public void Given_an_instant_When_asking_the_day_Then_it_is_the_day_in_Casablanca() =>
        Casablanca.Today(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 11, 30));

    [Theory]
    [InlineData("2026-11-29", 7, "PO-2026-W48-0007")]
    [InlineData("2027-01-03", 12345, "PO-2026-W53-12345")]
    [InlineData("2026-01-01", 1, "PO-2026-W01-0001")]
    public void Given_a_period_and_a_number_When_formatting_Then_the_reference_has_the_iso_week(string periodEnd, long number, string reference) =>
        PayoutReferences.Format(DateOnly.Parse(periodEnd), number).Should().Be(reference);
}
