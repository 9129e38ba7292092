using Marketplace.Catalogue.Search;

namespace Marketplace.Catalogue.Tests.Unit;

/// <summary>
/// API.md: a search's total is exact up to 1,000 matches; beyond that it may be an estimate, marked totalExact: false. And
/// the planner's estimates decide whether the page is looked for in the window of the sort's order first.
/// </summary>
public sealed class SearchTotalTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(1_000)]
    public void Given_a_full_page_and_at_most_a_thousand_matches_counted_Then_the_total_is_exact(long counted) =>
        ProductSearchQuery.Total(counted, 20, 9_000).Should().Be((counted, true));

    [Fact]
    public void Given_more_than_a_thousand_matches_counted_Then_the_estimate_is_the_total_marked_inexact() =>
        ProductSearchQuery.Total(1_001, 20, 4_200).Should().Be((4_200L, false));

    [Fact]
    public void Given_more_than_a_thousand_matches_counted_and_a_lower_estimate_Then_the_total_is_at_least_what_was_counted() =>
        ProductSearchQuery.Total(1_001, 20, 300).Should().Be((1_001L, false));

    [Fact]
    public void Given_a_full_page_and_more_matches_expected_than_ten_thousand_Then_the_estimate_is_the_total_marked_inexact() =>
        ProductSearchQuery.Total(null, 20, 22_569).Should().Be((22_569L, false));

    [Fact]
    public void Given_a_full_page_deeper_than_the_estimate_Then_the_total_is_at_least_what_the_pages_hold() =>
        ProductSearchQuery.Total(null, 12_000, 10_500).Should().Be((12_000L, false));

    [Theory]
    [InlineData(16_000, 100_000, 16_000, true)] // a common word: about 160 of the window's 1,000 rows match
    [InlineData(3_000, 100_000, 3_000, false)] // about 30: a page of 20 is not there twice over
    [InlineData(40_000, 100_000, 2_000, false)] // relevance: common, but rarely in a name
    [InlineData(900, 100_000, 900, false)] // fewer matches than the window's rows: reading them all costs less
    [InlineData(5_000, 5_000, 5_000, true)] // every row of the order matches
    public void The_window_is_read_first_when_the_planner_expects_the_page_there_twice_over(long all, long domain, long wanted, bool pays) =>
        ProductSearchQuery.WindowPays(all, domain, wanted, ProductSearchQuery.Window, take: 20).Should().Be(pays);
}
