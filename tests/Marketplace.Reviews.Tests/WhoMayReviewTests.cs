using Marketplace.Orders.Contracts;
using Marketplace.Reviews.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Reviews.Tests;

public sealed class ReviewsApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    public ReviewsApp() => Market = new HttpMarket(this);

    /// <summary>With Hangfire's server: the Orders outbox delivers its events to Reviews.</summary>
    protected override void Configure(IDictionary<string, string?> settings) => settings["Marketplace:Jobs:Server"] = "true";
}

/// <summary>Who may review what is kept from Orders' events, each once, whatever the repeats.</summary>
public sealed class WhoMayReviewTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    private async Task<Reviewable?> ReviewableAsync(Guid subOrderId)
    {
        await using var session = app.Services.GetRequiredService<IReviewsStore>().QuerySession();
        return await session.LoadAsync<Reviewable>(subOrderId);
    }

    [Fact]
    public async Task A_delivered_sub_order_becomes_reviewable_by_its_shopper_for_its_products_and_a_cancelled_one_by_no_one()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var (amlou, honey) = (await app.Market.NewProductAsync(coop, 85m, 10), await app.Market.NewProductAsync(coop, 120m, 10));
        var shopper = await app.NewShopperAsync();
        var delivered = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (amlou, 1), (honey, 2)));
        var cancelled = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (amlou, 1)));
        var sub = delivered.SubOrderOf(coop).Id();
        await coop.MoveAsync(sub, "accept");
        await coop.MoveAsync(sub, "ship", Shop.Shipment());
        await coop.MoveAsync(sub, "deliver");
        await (await shopper.Client.PostJson($"/api/orders/{cancelled.Id()}/cancel")).ShouldHaveStatus(200);

        var reviewable = await Poll.UntilAsync(() => ReviewableAsync(sub), r => r?.DeliveredAt is not null, what: "the delivery known to Reviews");
        (reviewable!.ShopperId, reviewable.CooperativeId, reviewable.OrderId).Should().Be((shopper.Id, coop.Id, delivered.Id()));
        reviewable.ProductIds.Should().BeEquivalentTo([amlou.Id, honey.Id]);
        await Poll.UntilAsync(() => ReviewableAsync(cancelled.SubOrderOf(coop).Id()), r => r?.Cancelled == true, what: "the cancellation known to Reviews");

        var first = reviewable.DeliveredAt;
        var again = new SubOrderDeliveredIntegrationEvent(Guid.NewGuid(), delivered.Id(), delivered.Str("number"), sub, coop.Id, "cash_on_delivery", 205m,
            "MAD", DateTimeOffset.UtcNow.AddDays(3));
        await using (var scope = app.Services.CreateAsyncScope()) // a delivery told again, later and twice at once
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => scope.ServiceProvider.GetRequiredService<IMediator>().Publish(again)));
        (await ReviewableAsync(sub))!.DeliveredAt.Should().Be(first, "the window runs from the first delivery");
    }
}
