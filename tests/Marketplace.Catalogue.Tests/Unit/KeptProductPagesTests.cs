using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;

namespace Marketplace.Catalogue.Tests.Unit;

/// <summary>When a product page kept in memory may be answered without asking the database, whatever the order of reads and changes.</summary>
public sealed class KeptProductPagesTests
{
    private readonly KeptProductPages pages = new();
    private readonly Guid id = Guid.NewGuid();

    private bool Current(out long version)
    {
        var page = pages.Find(id, out var current);
        version = page?.Version ?? -1;
        return current;
    }

    [Fact]
    public void A_page_read_while_listening_is_answered_from_memory_until_a_change_of_it_is_heard()
    {
        pages.Listening(true);
        pages.Keep(id, 3, new Product(), suspended: false, pages.Take(id));
        Current(out var version).Should().BeTrue();
        version.Should().Be(3);

        pages.Heard($"{Guid.NewGuid()},{id}");

        Current(out _).Should().BeFalse();
        pages.Find(id, out _).Should().BeNull("the changed page is forgotten");
    }

    [Fact]
    public void A_page_read_while_a_change_of_it_was_heard_is_not_kept_so_the_older_page_cannot_stay_behind()
    {
        pages.Listening(true);
        var ticket = pages.Take(id); // the read starts...
        pages.Forget(id);            // ...a change commits and is heard...
        pages.Keep(id, 3, new Product(), suspended: false, ticket); // ...the read ends with what it saw before

        pages.Find(id, out var current).Should().BeNull();
        current.Should().BeFalse();
    }

    [Fact]
    public void A_change_of_another_product_does_not_stop_a_page_from_being_kept()
    {
        pages.Listening(true);
        var ticket = pages.Take(id);
        var other = Guid.NewGuid();
        while (KeptProductPages.Stripe(other) == KeptProductPages.Stripe(id)) other = Guid.NewGuid(); // the same stripe would only cost a read
        pages.Forget(other);
        pages.Keep(id, 3, new Product(), suspended: false, ticket);
        pages.Find(id, out _).Should().NotBeNull();
    }

    [Fact]
    public void Without_listening_a_page_is_kept_for_its_version_only_and_never_answered_from_memory()
    {
        pages.Keep(id, 3, new Product(), suspended: false, pages.Take(id));
        Current(out var version).Should().BeFalse("changes could be missed: the database is asked, with the version kept");
        version.Should().Be(3);
    }

    [Fact]
    public void Listening_again_after_the_connection_was_lost_answers_nothing_kept_before_from_memory()
    {
        pages.Listening(true);
        pages.Keep(id, 3, new Product(), suspended: false, pages.Take(id));
        var ticketBeforeTheLoss = pages.Take(id);

        pages.Listening(false);
        Current(out _).Should().BeFalse();
        pages.Listening(true);
        Current(out _).Should().BeFalse("changes made while it did not listen were not heard");

        pages.Keep(id, 4, new Product(), suspended: false, ticketBeforeTheLoss);
        Current(out _).Should().BeFalse("a read that started before listening again is of the older era");
        pages.Keep(id, 4, new Product(), suspended: false, pages.Take(id));
        Current(out var version).Should().BeTrue();
        version.Should().Be(4);
    }

    [Fact]
    public void A_cooperative_suspended_or_reinstated_makes_every_page_read_again()
    {
        pages.Listening(true);
        pages.Keep(id, 3, new Product(), suspended: false, pages.Take(id));
        pages.Heard(KeptProductPages.Everything);
        Current(out var version).Should().BeFalse();
        version.Should().Be(3, "still kept for its version: the database sends it again only if it moved");
    }

    [Fact]
    public void A_payload_with_something_else_than_ids_changes_only_the_ids_in_it()
    {
        pages.Listening(true);
        pages.Keep(id, 3, new Product(), suspended: false, pages.Take(id));
        pages.Heard("not-an-id,,");
        Current(out _).Should().BeTrue();
    }
}
