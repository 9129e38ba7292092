using System.Text.Json.Nodes;
using MediatR;
using Marketplace.Reviews.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Reviews.Tests;

/// <summary>
/// A product's rating reaches the Catalogue through the Reviews outbox (the product's answer, search's sort=rating and
/// minRating): delivered late after failures, repeated and out of order, it ends as the reviews make it now.
/// </summary>
public sealed class ProductRatingTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    private static string Url(JsonNode order, MarketCooperative coop) => $"/api/orders/{order.Id()}/sub-orders/{order.SubOrderOf(coop).Id()}/reviews";

    private async Task<(decimal? Average, int Count)> RatingAsync(MarketProduct product)
    {
        var rating = (await (await (await app.Anonymous().GetAsync($"/api/products/{product.Id}")).ShouldHaveStatus(200)).Json())["rating"]!;
        return (rating["average"]?.GetValue<decimal?>(), rating["count"]!.GetValue<int>());
    }

    private async Task<IReadOnlyList<Guid>> SearchAsync(string query) =>
        (await (await (await app.Anonymous().GetAsync($"/api/products?{query}")).ShouldHaveStatus(200)).Json())["items"]!.AsArray()
        .Select(i => i!.Id()).ToList();

    [Fact]
    public async Task Search_sorts_by_rating_and_filters_by_a_minimum_once_the_catalogue_has_taken_a_rating_it_failed_to_record_twice()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var (liked, disliked, unrated) = (await app.Market.NewProductAsync(coop, 90m, 10), await app.Market.NewProductAsync(coop, 80m, 10),
            await app.Market.NewProductAsync(coop, 70m, 10));
        var shopper = await app.NewShopperAsync();
        var order = await app.DeliveredAsync(shopper, coop, liked, disliked, unrated);
        await using (await app.Faults.FailAsync("catalogue.mt_events", 2, liked.Id.ToString(), "catalogue.product_rated"))
        {
            await (await shopper.Client.PostJson(Url(order, coop), new { productId = liked.Id, rating = 5, text = "Excellent" })).ShouldHaveStatus(201);
            await (await shopper.Client.PostJson(Url(order, coop), new { productId = disliked.Id, rating = 2 })).ShouldHaveStatus(201);
            await Poll.UntilAsync(() => RatingAsync(liked), r => r == (5m, 1), what: "the rating recorded on a retry");
        }
        await Poll.UntilAsync(() => RatingAsync(disliked), r => r == (2m, 1), what: "the other product's rating");

        (await SearchAsync($"cooperativeId={coop.Id}&sort=rating")).Should().Equal([liked.Id, disliked.Id, unrated.Id], "best rated first, unrated last");
        (await SearchAsync($"cooperativeId={coop.Id}&minRating=4")).Should().Equal([liked.Id]);
        (await SearchAsync($"cooperativeId={coop.Id}&minRating=1&sort=price")).Should().Equal([disliked.Id, liked.Id], "products without reviews are left out");
        var item = (await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={coop.Id}&sort=rating")).Json())["items"]![0]!["rating"]!;
        (item["average"]!.GetValue<decimal>(), item["count"]!.GetValue<int>()).Should().Be((5m, 1), "items carry their rating");
        await (await app.Anonymous().GetAsync("/api/products?minRating=6")).ShouldBeValidationProblem("minRating");
        await (await app.Anonymous().GetAsync("/api/products?sort=stars")).ShouldBeValidationProblem("sort");
    }

    [Fact]
    public async Task A_notice_repeated_at_once_and_one_delivered_late_after_a_withdrawal_leave_the_rating_the_reviews_make_now()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var honey = await app.Market.NewProductAsync(coop, 120m, 10);
        var (a, b) = (await app.NewShopperAsync(), await app.NewShopperAsync());
        var (first, second) = (await app.DeliveredAsync(a, coop, honey), await app.DeliveredAsync(b, coop, honey));
        var kept = await (await (await a.Client.PostJson(Url(first, coop), new { productId = honey.Id, rating = 4 })).ShouldHaveStatus(201)).Json();
        var withdrawn = await (await (await b.Client.PostJson(Url(second, coop), new { productId = honey.Id, rating = 1 })).ShouldHaveStatus(201)).Json();
        await Poll.UntilAsync(() => RatingAsync(honey), r => r == (2.5m, 2), what: "both reviews counted");
        await (await b.Client.DeleteAsync($"/api/reviews/{withdrawn.Id()}")).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => RatingAsync(honey), r => r == (4m, 1), what: "the withdrawal counted");

        using var scope = app.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var late = new ProductReviewsChangedIntegrationEvent(Guid.NewGuid(), honey.Id); // as the first review's notice, told again now
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => mediator.Publish(late)));
        (await RatingAsync(honey)).Should().Be((4m, 1), "the withdrawn review stays out whatever notice comes late or twice");
        kept.Str("status").Should().Be("published");
    }
}
