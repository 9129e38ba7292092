using Marketplace.Orders.Contracts;
using Marketplace.Reviews.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Reviews.Tests;

public sealed class ReviewsApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    /// <summary>The Host's clock: a test moves it past the 100 days or the 12 months (and back).</summary>
    public ShiftedClock Clock { get; } = new();
    public ReviewsApp() => Market = new HttpMarket(this);

    /// <summary>With Hangfire's server: the Orders outbox delivers its events to Reviews.</summary>
    protected override void Configure(IDictionary<string, string?> settings) => settings["Marketplace:Jobs:Server"] = "true";

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    /// <summary>A shopper's cash order of these products, delivered (its sub-order known to Reviews as delivered); answers the order.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> DeliveredAsync(TestUser shopper, MarketCooperative coop, params MarketProduct[] products)
    {
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", products.Select(p => (p, 1)).ToArray()));
        var sub = order.SubOrderOf(coop).Id();
        await coop.MoveAsync(sub, "accept");
        await coop.MoveAsync(sub, "ship", Shop.Shipment());
        await coop.MoveAsync(sub, "deliver");
        await Poll.UntilAsync(async () =>
        {
            await using var session = Services.GetRequiredService<IReviewsStore>().QuerySession();
            return await session.LoadAsync<Reviewable>(sub);
        }, r => r?.DeliveredAt is not null, what: "the delivery known to Reviews");
        return order;
    }
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
