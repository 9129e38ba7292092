using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Contracts;
using Marketplace.Reviews.Domain;

namespace Marketplace.Reviews.Tests;

/// <summary>Issue 21's rules as decisions: given a sub-order and a review's events, when someone acts, then the events (or the refusal).</summary>
public sealed class ReviewDecisionTests
{
    private static readonly DateTimeOffset Delivered = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Shopper = Guid.Parse("0193b000-0000-7000-8000-000000000001");
    private static readonly Guid Amlou = Guid.Parse("0193b000-0000-7000-8000-0000000000a1");
    private static readonly Guid Staff = Guid.Parse("0193b000-0000-7000-8000-000000000002");

    private static Reviewable SubOrder(DateTimeOffset? delivered = null, bool cancelled = false) => new()
    {
        Id = Guid.Parse("0193b000-0000-7000-8000-0000000000f1"), OrderId = Guid.Parse("0193b000-0000-7000-8000-0000000000f0"), ShopperId = Shopper,
        CooperativeId = Guid.Parse("0193b000-0000-7000-8000-0000000000c1"), ProductIds = [Amlou], DeliveredAt = delivered, Cancelled = cancelled,
    };

    private static Review Written(int rating = 4, string? text = "Très bon amlou")
    {
        var review = new Review();
        foreach (var e in ReviewDecisions.Write(SubOrder(Delivered), null, Shopper, Amlou, rating, text, null, Delivered.AddDays(2))) review.Then(e);
        return review;
    }

    [Fact]
    public void Given_a_delivered_sub_order_When_its_shopper_reviews_a_line_and_the_cooperative_Then_each_is_one_review_of_its_own()
    {
        var product = ReviewDecisions.Write(SubOrder(Delivered), null, Shopper, Amlou, 5, "  ممتاز  ", "Merci pour l'emballage", Delivered.AddDays(1))
            .Should().ContainSingle().Which.Should().BeOfType<ReviewWritten>().Subject;
        var cooperative = ReviewDecisions.Write(SubOrder(Delivered), null, Shopper, null, 4, null, null, Delivered.AddDays(1)).Single();

        (product.Rating, product.Text, product.Message, product.ProductId).Should().Be((5, "ممتاز", "Merci pour l'emballage", Amlou));
        ((ReviewWritten)cooperative).ReviewId.Should().NotBe(product.ReviewId).And.Be(ReviewDecisions.IdOf(SubOrder().Id, null));
    }

    [Fact]
    public void Given_a_sub_order_When_it_is_not_the_buyer_not_delivered_past_100_days_or_reviewed_already_Then_it_is_refused()
    {
        var act = () => ReviewDecisions.Write(SubOrder(Delivered), null, Guid.NewGuid(), Amlou, 5, null, null, Delivered);
        act.Should().Throw<Forbidden>();
        Code(() => ReviewDecisions.Write(SubOrder(), null, Shopper, Amlou, 5, null, null, Delivered)).Should().Be("not_delivered");
        Code(() => ReviewDecisions.Write(SubOrder(Delivered, cancelled: true), null, Shopper, Amlou, 5, null, null, Delivered)).Should().Be("not_delivered");
        ReviewDecisions.Write(SubOrder(Delivered), null, Shopper, Amlou, 5, null, null, Delivered.AddDays(100)).Should().ContainSingle("the 100th day still counts");
        Code(() => ReviewDecisions.Write(SubOrder(Delivered), null, Shopper, Amlou, 5, null, null, Delivered.AddDays(100).AddSeconds(1)))
            .Should().Be("review_window_over");
        Code(() => ReviewDecisions.Write(SubOrder(Delivered), Written(), Shopper, Amlou, 3, null, null, Delivered.AddDays(3))).Should().Be("already_reviewed");
        var wrong = () => ReviewDecisions.Write(SubOrder(Delivered), null, Shopper, Amlou, 6, new string('x', 2001), null, Delivered);
        wrong.Should().Throw<ValidationFailed>().Which.Errors.Keys.Should().BeEquivalentTo("rating", "text");
    }

    [Fact]
    public void Given_a_review_When_its_author_edits_then_withdraws_it_Then_only_the_author_may_and_withdrawing_twice_changes_nothing()
    {
        var review = Written();
        review.Then(ReviewDecisions.Edit(review, Shopper, 2, "Trop sucré", Delivered.AddDays(5)).Single());
        (review.Rating, review.Text).Should().Be((2, "Trop sucré"));
        ReviewDecisions.Edit(review, Shopper, 2, "Trop sucré", Delivered.AddDays(6)).Should().BeEmpty("nothing changed");
        var other = () => ReviewDecisions.Edit(review, Staff, 5, null, Delivered);
        other.Should().Throw<Forbidden>();

        review.Then(ReviewDecisions.Withdraw(review, Shopper, Delivered.AddDays(7)).Single());
        ReviewDecisions.Withdraw(review, Shopper, Delivered.AddDays(8)).Should().BeEmpty();
        Code(() => ReviewDecisions.Edit(review, Shopper, 4, null, Delivered.AddDays(9))).Should().Be("withdrawn");
    }

    [Fact]
    public void Given_a_review_When_the_cooperative_replies_twice_or_another_replies_Then_one_reply_stands()
    {
        var review = Written();
        var stranger = () => ReviewDecisions.Reply(review, byItsStaff: false, Guid.NewGuid(), "Merci", Delivered);
        stranger.Should().Throw<Forbidden>();
        review.Then(ReviewDecisions.Reply(review, byItsStaff: true, Staff, "Merci beaucoup !", Delivered.AddDays(3)).Single());
        Code(() => ReviewDecisions.Reply(review, byItsStaff: true, Staff, "Encore merci", Delivered.AddDays(4))).Should().Be("already_replied");
        review.Reply.Should().Be("Merci beaucoup !");
        review.Then(ReviewDecisions.Report(review, byItsStaff: true, Staff, "Insulte", Delivered.AddDays(4)).Single()).Reports.Should().Be(1);
    }

    [Fact]
    public void Given_reviews_When_one_is_hidden_withdrawn_or_restored_Then_the_average_counts_the_published_ones_only()
    {
        var (five, three, one) = (Written(5), Written(3), Written(1));
        ReviewDecisions.RatingOf([five, three, one]).Should().Be(new Rating(3m, 3));

        one.Then(ReviewDecisions.Hide(one, Staff, "Propos injurieux", Delivered.AddDays(3)).Single());
        ReviewDecisions.RatingOf([five, three, one]).Should().Be(new Rating(4m, 2));
        ReviewDecisions.Hide(one, Staff, "encore", Delivered.AddDays(4)).Should().BeEmpty("hidden once");
        three.Then(ReviewDecisions.Withdraw(three, Shopper, Delivered.AddDays(4)).Single());
        ReviewDecisions.RatingOf([five, three, one]).Should().Be(new Rating(5m, 1));
        one.Then(ReviewDecisions.Restore(one, Staff, "Vérifié avec l'acheteuse", Delivered.AddDays(5)).Single());
        ReviewDecisions.RatingOf([five, three, one]).Should().Be(new Rating(3m, 2));
        ReviewDecisions.RatingOf([]).Should().Be(new Rating(null, 0));
        var noReason = () => ReviewDecisions.Hide(five, Staff, " ", Delivered);
        noReason.Should().Throw<ValidationFailed>();
    }

    private static string Code(Func<object> act) => act.Should().Throw<DomainRuleViolated>().Which.Code;

    [Theory]
    [InlineData("ممتاز، شكرا للتعاونية", "fr", "ar")]
    [InlineData("Très bon amlou, livré vite", "fr", "fr")]
    [InlineData("Great honey", "en", "en")]
    [InlineData("ⵜⴰⵏⵎⵎⵉⵔⵜ ⴰⵟⵟⴰⵙ", "fr", "zgh")]
    [InlineData("Tanmmirt attas", "ar", null)]
    [InlineData("Très bon ⵜⴰⵏⵎⵎⵉⵔⵜ, ممتاز جدا جدا جدا", "fr", "ar")]
    [InlineData("5/5 !!", "fr", null)]
    public void The_language_of_a_review_is_its_script_s_and_for_Latin_letters_that_of_the_page_it_was_written_from(string text, string page,
        string? expected)
    {
        TextLanguage.Of(text, page).Should().Be(expected);
        ReviewDecisions.Write(SubOrder(Delivered), null, Shopper, Amlou, 5, text, null, Delivered.AddDays(1), page)
            .OfType<ReviewWritten>().Single().Language.Should().Be(expected);
    }
}
