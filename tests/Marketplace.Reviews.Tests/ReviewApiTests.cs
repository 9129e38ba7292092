using System.Text.Json.Nodes;

namespace Marketplace.Reviews.Tests;

/// <summary>API.md "Reviews" through HTTP on a real PostgreSQL: who may write, edit, reply, report, hide; the averages after each.</summary>
public sealed class ReviewApiTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    private static string Url(JsonNode order, MarketCooperative coop) => $"/api/orders/{order.Id()}/sub-orders/{order.SubOrderOf(coop).Id()}/reviews";

    private async Task<(decimal? Average, int Count)> RatingAsync(string url)
    {
        var rating = (await (await (await app.Anonymous().GetAsync(url)).ShouldHaveStatus(200)).Json())["rating"]!;
        return (rating["average"]?.GetValue<decimal?>(), rating["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_the_buyer_of_a_delivered_line_reviews_it_once_and_the_averages_follow_edits_withdrawals_and_moderation()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var other = await app.Market.NewCooperativeAsync();
        var amlou = await app.Market.NewProductAsync(coop, 85m, 50);
        var (fatima, youssef) = (await app.NewShopperAsync(), await app.NewShopperAsync());
        var first = await app.DeliveredAsync(fatima, coop, amlou);
        var second = await app.DeliveredAsync(youssef, coop, amlou);
        var undelivered = await youssef.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (amlou, 1)));
        await Poll.UntilAsync(async () => (int)(await youssef.Client.PostJson(Url(undelivered, coop), new { productId = amlou.Id, rating = 4 })).StatusCode,
            status => status != 404, what: "the placed order known to Reviews");

        var hostile = "<script>alert('x')</script> ممتاز";
        var a = await (await (await fatima.Client.PostJson(Url(first, coop), new { productId = amlou.Id, rating = 5, text = hostile, message = "L'emballage a fui" }))
            .ShouldHaveStatus(201)).Json();
        a.Str("text").Should().Be(hostile, "texts are kept as written; pages show them as text");
        var b = await (await (await youssef.Client.PostJson(Url(second, coop), new { productId = amlou.Id, rating = 2 })).ShouldHaveStatus(201)).Json();
        await (await youssef.Client.PostJson(Url(second, coop), new { productId = amlou.Id, rating = 4 })).ShouldBeProblem(409);
        await (await youssef.Client.PostJson(Url(undelivered, coop), new { productId = amlou.Id, rating = 4 })).ShouldBeProblem(409);
        await (await youssef.Client.PostJson(Url(first, coop), new { productId = amlou.Id, rating = 1 })).ShouldBeProblem(403);
        await (await fatima.Client.PostJson(Url(first, coop), new { productId = amlou.Id, rating = 9 })).ShouldBeValidationProblem("rating");
        await (await fatima.Client.PostJson(Url(first, coop), new { rating = 4, text = "Coopérative accueillante" })).ShouldHaveStatus(201);
        var productReviews = $"/api/products/{amlou.Id}/reviews";
        (await RatingAsync(productReviews)).Should().Be((3.5m, 2));
        (await RatingAsync($"/api/cooperatives/{coop.Id}/reviews")).Should().Be((4m, 1));

        await (await youssef.Client.PutJson($"/api/reviews/{b.Id()}", new { rating = 4, text = "Finalement très bon" })).ShouldHaveStatus(200);
        await (await fatima.Client.PutJson($"/api/reviews/{b.Id()}", new { rating = 1 })).ShouldBeProblem(403);
        (await RatingAsync(productReviews)).Should().Be((4.5m, 2));

        var reply = $"/api/reviews/{a.Id()}/reply";
        await (await other.Owner.Client.PostJson(reply, new { text = "Merci" })).ShouldBeProblem(403);
        await (await coop.Owner.Client.PostJson(reply, new { text = "Merci Fatima !" })).ShouldHaveStatus(200);
        await (await coop.Owner.Client.PostJson(reply, new { text = "Encore" })).ShouldBeProblem(409);
        await (await coop.Owner.Client.PostJson($"/api/reviews/{b.Id()}/report", new { reason = "Pas notre produit" })).ShouldHaveStatus(200);
        var admin = await app.AdminAsync();
        var queue = await (await (await admin.Client.GetAsync("/api/admin/reviews")).ShouldHaveStatus(200)).Json();
        queue.AsArray().Select(i => i!["review"]!.Id()).Should().Contain(b.Id());
        queue.AsArray().Single(i => i!["review"]!.Id() == b.Id())!.Str("lastReport").Should().Be("Pas notre produit");
        await (await coop.Owner.Client.GetAsync("/api/admin/reviews")).ShouldBeProblem(403);
        await (await admin.Client.GetAsync("/api/admin/reviews?state=everything")).ShouldBeValidationProblem("state");
        await (await coop.Owner.Client.PostJson($"/api/admin/reviews/{b.Id()}/hide", new { reason = "x" })).ShouldBeProblem(403);
        await (await admin.Client.PostJson($"/api/admin/reviews/{b.Id()}/hide", new { reason = "Hors sujet" })).ShouldHaveStatus(200);
        (await RatingAsync(productReviews)).Should().Be((5m, 1), "hidden reviews leave the averages");
        await (await admin.Client.PostJson($"/api/admin/reviews/{b.Id()}/restore", new { reason = "Vérifié" })).ShouldHaveStatus(200);
        await (await fatima.Client.DeleteAsync($"/api/reviews/{a.Id()}")).ShouldHaveStatus(200);
        (await RatingAsync(productReviews)).Should().Be((4m, 1), "a withdrawn review leaves them too");

        await Poll.UntilAsync(() => RatingAsync($"/api/products/{amlou.Id}"), r => r == (4m, 1), what: "the product's answer to carry its rating");
        var profile = (await (await app.Anonymous().GetAsync($"/api/cooperatives/{coop.Id}")).Json())["rating"]!;
        (profile["average"]!.GetValue<decimal>(), profile["count"]!.GetValue<int>()).Should().Be((4m, 1), "and the cooperative's");
        var shown = await (await app.Anonymous().GetAsync($"/api/cooperatives/{coop.Id}/reviews")).Json();
        shown["items"]![0]!["message"].Should().BeNull("the private message is the cooperative's alone");
        var forStaff = await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/reviews")).Json();
        forStaff["items"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Reviews_close_100_days_after_delivery_and_a_cooperative_s_rating_counts_12_months_on_the_host_s_clock()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var dates = await app.Market.NewProductAsync(coop, 60m, 20);
        var shopper = await app.NewShopperAsync();
        var late = await app.DeliveredAsync(shopper, coop, dates);
        var kept = await app.DeliveredAsync(shopper, coop, dates);
        await (await shopper.Client.PostJson(Url(kept, coop), new { rating = 5 })).ShouldHaveStatus(201);

        using (app.Clock.Advance(TimeSpan.FromDays(101)))
            (await (await shopper.Client.PostJson(Url(late, coop), new { productId = dates.Id, rating = 3 })).ShouldBeProblem(409))
                .Str("code").Should().Be("review_window_over");
        using (app.Clock.Advance(TimeSpan.FromDays(99)))
            await (await shopper.Client.PostJson(Url(late, coop), new { rating = 3 })).ShouldHaveStatus(201);
        (await RatingAsync($"/api/cooperatives/{coop.Id}/reviews")).Should().Be((4m, 2));
        using (app.Clock.Advance(TimeSpan.FromDays(366)))
            (await RatingAsync($"/api/cooperatives/{coop.Id}/reviews")).Should().Be((3m, 1), "the review written 99 days later still counts, the first no longer");
    }
}
