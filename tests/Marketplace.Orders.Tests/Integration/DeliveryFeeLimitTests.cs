namespace Marketplace.Orders.Tests.Integration;

/// <summary>
/// Issue 14, part 4: administrators cap the delivery fee (100 MAD by default). A fee is never commissioned, so it must not
/// become a way to move an item's price out of commission: a higher fee is refused, and checkout never charges more.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class DeliveryFeeLimitTests(OrdersApp app)
{
    [Fact]
    public async Task Given_the_default_limit_When_a_cooperative_asks_more_than_100_MAD_Then_400_and_its_fee_is_unchanged()
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 30m);
        var admin = (await app.AdminAsync()).Client;
        (await (await admin.GetAsync("/api/admin/delivery-fee-limit")).Json())["maxFlatFee"]!["amount"]!.GetValue<decimal>().Should().Be(100m);

        var problem = await (await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/shipping", new { flatFee = new { amount = 100.01m, currency = "MAD" } }))
            .ShouldBeValidationProblem("flatFee");

        problem["flatFee"]![0]!.GetValue<string>().Should().Contain("100.00");
        var product = await app.Market.NewProductAsync(coop, 50m, stock: 5);
        var order = await (await app.NewShopperAsync()).Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
        order.Amount("shippingTotal").Should().Be(30m, "the refused change changed nothing");
    }

    [Fact]
    public async Task Given_a_fee_set_before_the_limit_was_lowered_When_a_shopper_checks_out_Then_the_limit_is_charged()
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 80m);
        var product = await app.Market.NewProductAsync(coop, 50m, stock: 5);
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PutJson("/api/admin/delivery-fee-limit", new { maxFlatFee = new { amount = 40m, currency = "MAD" } })).ShouldHaveStatus(200);
        try
        {
            var order = await (await app.NewShopperAsync()).Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));

            (order.Amount("shippingTotal"), order.Amount("total")).Should().Be((40m, 90m));
            await (await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/shipping", new { flatFee = new { amount = 45m, currency = "MAD" } }))
                .ShouldBeValidationProblem("flatFee");
            var shopper = await app.NewShopperAsync();
            await (await shopper.Client.PutJson("/api/admin/delivery-fee-limit", new { maxFlatFee = new { amount = 500m, currency = "MAD" } })).ShouldBeProblem(403);
            await (await admin.PutJson("/api/admin/delivery-fee-limit", new { maxFlatFee = new { amount = -1m, currency = "MAD" } }))
                .ShouldBeValidationProblem("maxFlatFee");
        }
        finally
        {
            await (await admin.PutJson("/api/admin/delivery-fee-limit", new { maxFlatFee = new { amount = 100m, currency = "MAD" } })).ShouldHaveStatus(200);
        }
    }
}
