using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Tests.Integration;

namespace Marketplace.Catalogue.Tests.Unit;

/// <summary>Given the events of a product, when a decision is taken, then these events (or this refusal).</summary>
public sealed class ProductDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.CreateVersion7();

    private static Product Given(params object[] events)
    {
        var product = new Product();
        foreach (var e in events) ((dynamic)product).Apply((dynamic)e);
        return product;
    }

    private static ProductListed Listed(Guid id, int onHand) =>
        ProductDecisions.List(id, Guid.CreateVersion7(), TestProducts.Listing(sku: "AMLOU-250"), onHand, Staff, Now);

    [Fact]
    public void Given_a_listed_product_Then_it_is_a_draft_at_version_1_with_its_stock()
    {
        var id = Guid.CreateVersion7();
        var product = Given(Listed(id, 12));
        (product.Status, product.ListingVersion, product.OnHand, product.Available, product.SkuKey).Should().Be(("draft", 1L, 12, 12, "AMLOU-250"));
        product.Search.Name.Should().Contain("miel").And.Contain("honey");
    }

    [Fact]
    public void Given_version_1_When_editing_with_version_1_Then_the_listing_and_the_count_change_and_the_version_moves_to_2()
    {
        var id = Guid.CreateVersion7();
        var product = Given(Listed(id, 12));
        var events = ProductDecisions.Edit(product, 1, TestProducts.Listing(sku: "AMLOU-500", price: 99.90m), 20, Staff, Now);

        events.Should().HaveCount(2);
        events[0].Should().BeOfType<ListingEdited>().Which.Listing.Price.Should().Be(99.90m);
        events[1].Should().Be(new StockCounted(id, 20, 12, Staff, Now));
        var after = Given([Listed(id, 12), .. events]);
        (after.ListingVersion, after.OnHand, after.SkuKey).Should().Be((2L, 20, "AMLOU-500"));
    }

    [Fact]
    public void Given_version_2_When_editing_with_version_1_Then_stale_version_and_no_event()
    {
        var id = Guid.CreateVersion7();
        var product = Given(Listed(id, 12), new ListingEdited(id, TestProducts.Listing(), Staff, Now));
        var act = () => ProductDecisions.Edit(product, 1, TestProducts.Listing(), null, Staff, Now);
        act.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("stale_version");
    }

    [Fact]
    public void Publishing_twice_changes_nothing_the_second_time_and_unpublishing_a_draft_changes_nothing()
    {
        var id = Guid.CreateVersion7();
        var draft = Given(Listed(id, 1));
        ProductDecisions.Unpublish(draft, Staff, Now).Should().BeEmpty();
        var published = Given(Listed(id, 1), ProductDecisions.Publish(draft, Staff, Now).Single());
        published.IsPublished.Should().BeTrue();
        ProductDecisions.Publish(published, Staff, Now).Should().BeEmpty();
        published.ListingVersion.Should().Be(1, "publishing is not an edit of the listing");
    }

    [Fact]
    public void Given_reserved_units_When_counting_less_than_reserved_Then_refused()
    {
        var id = Guid.CreateVersion7();
        var order = Guid.CreateVersion7();
        var product = Given(Listed(id, 10), new StockReserved(id, order, 6, Now));
        var act = () => ProductDecisions.Count(product, 5, Staff, Now);
        act.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("stock_below_reserved");
        ProductDecisions.Count(product, 6, Staff, Now).Should().ContainSingle();
        ProductDecisions.Count(product, 10, Staff, Now).Should().BeEmpty("the count did not change");
    }

    [Fact]
    public void A_reservation_holds_units_until_it_is_sold_released_or_returned()
    {
        var id = Guid.CreateVersion7();
        var order = Guid.CreateVersion7();
        ProductDecisions.CannotReserve(Given(Listed(id, 10)), 1, false).Should().Be("not_purchasable", "it is a draft");
        var product = Given(Listed(id, 10), new ProductPublished(id, Staff, Now), new StockReserved(id, order, 4, Now));
        (product.Reserved, product.Available).Should().Be((4, 6));
        ProductDecisions.CannotReserve(product, 7, false).Should().Be("insufficient_stock");
        ProductDecisions.CannotReserve(product, 6, false).Should().BeNull();
        ProductDecisions.CannotReserve(product, 6, cooperativeSuspended: true).Should().Be("not_purchasable");

        var sold = ProductDecisions.Sell(product, order, held: 4, quantity: 4, Now);
        sold.Should().Equal(new StockSold(id, order, 4, true, Now));
        var after = Given(Listed(id, 10), new StockReserved(id, order, 4, Now), sold[0]);
        (after.OnHand, after.Reserved, after.Available).Should().Be((6, 0, 6));
        ProductDecisions.Release(after, order, held: 4, "expired", Now).Should().BeEmpty("the product holds nothing any more, whatever a stale line says");
        ProductDecisions.Release(product, order, held: 4, "expired", Now).Should().Equal(new ReservationReleased(id, order, 4, "expired", Now));
    }

    [Fact]
    public void Given_no_reservation_When_selling_more_than_available_Then_nothing_is_taken_and_the_order_is_told_its_stock_is_missing()
    {
        var id = Guid.CreateVersion7();
        var product = Given(Listed(id, 2));
        var order = Guid.CreateVersion7();
        ProductDecisions.Sell(product, order, held: 0, quantity: 3, Now).Should().ContainSingle()
            .Which.Should().Be(new StockMissingForOrder(id, order, 3, 2, Now));
        ProductDecisions.Sell(product, Guid.CreateVersion7(), held: 0, quantity: 2, Now).Should().ContainSingle()
            .Which.Should().BeOfType<StockSold>().Which.FromReservation.Should().BeFalse();
    }

    [Fact]
    public void Given_part_of_a_line_reserved_and_too_little_free_When_selling_Then_nothing_is_sold_and_the_held_units_go_back()
    {
        var id = Guid.CreateVersion7();
        var order = Guid.CreateVersion7();
        var product = Given(Listed(id, 3), new StockReserved(id, order, 2, Now), new StockReserved(id, Guid.CreateVersion7(), 1, Now));

        var events = ProductDecisions.Sell(product, order, held: 2, quantity: 3, Now);

        events.OfType<StockSold>().Should().BeEmpty("a line is sold whole or not at all");
        events.OfType<ReservationReleased>().Should().ContainSingle().Which.Quantity.Should().Be(2);
        events.OfType<StockMissingForOrder>().Should().ContainSingle().Which.Available.Should().Be(2);
    }

    [Fact]
    public void Images_are_limited_ordered_and_removed_by_id()
    {
        var id = Guid.CreateVersion7();
        var events = new List<object> { Listed(id, 1) };
        var ids = Enumerable.Range(0, ProductDecisions.MaxImages).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var image in ids) events.Add(ProductDecisions.AddImage(Given([.. events]), image, $"k/{image:N}.png", "image/png", 10, Staff, Now));
        var full = Given([.. events]);
        var tooMany = () => ProductDecisions.AddImage(full, Guid.CreateVersion7(), "k/x.png", "image/png", 10, Staff, Now);
        tooMany.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("too_many_images");

        var reversed = ids.AsEnumerable().Reverse().ToList();
        var reordered = Given([.. events, ProductDecisions.ReorderImages(full, reversed, Staff, Now)]);
        reordered.Images.Select(i => i.Id).Should().Equal(reversed);
        var partial = () => ProductDecisions.ReorderImages(full, reversed.Skip(1).ToList(), Staff, Now);
        partial.Should().Throw<ValidationFailed>().Which.Errors.Keys.Should().Contain("imageIds");
        var unknown = () => ProductDecisions.RemoveImage(full, Guid.CreateVersion7(), Staff, Now);
        unknown.Should().Throw<NotFound>();
    }
}
