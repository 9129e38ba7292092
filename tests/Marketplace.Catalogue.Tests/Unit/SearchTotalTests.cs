using Marketplace.Catalogue.Search;

namespace Marketplace.Catalogue.Tests.Unit;

/// <summary>API.md: a search's total is exact up to 1,000 matches; beyond that it may be an estimate, marked totalExact: false.</summary>
public sealed class SearchTotalTests
{
    [Theory]
    [InlineData(0, 20, 50_000)] // nothing found: exact, whatever the planner expected
    [InlineData(7, 20, 40_000)]
    [InlineData(33, 40, 12)]
    public void Given_a_page_short_of_what_was_asked_Then_the_matches_all_are_on_it_and_the_total_is_exact(int found, int take, long estimate) =>
        ProductSearchQuery.Total(found, take, estimate).Should().Be(((long)found, true));

    [Fact]
    public void Given_a_full_page_and_more_matches_expected_than_ten_thousand_Then_the_estimate_is_the_total_marked_inexact() =>
        ProductSearchQuery.Total(20, 20, 22_569).Should().Be((22_569L, false));

    [Fact]
    public void Given_a_full_page_deeper_than_the_estimate_Then_the_total_is_at_least_what_the_pages_hold() =>
        ProductSearchQuery.Total(12_000, 12_000, 10_500).Should().Be((12_000L, false));

    [Fact]
    public void Given_a_full_page_and_few_matches_expected_Then_they_are_counted() =>
        ProductSearchQuery.Total(20, 20, 9_000).Should().BeNull();
}
