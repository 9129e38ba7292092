namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class OrderAccessTests(OrdersApp app)
{
    [Fact]
    public async Task Shoppers_see_their_own_orders_only_and_administrators_see_all()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 10m, stock: 20);
        var fatima = await app.NewShopperAsync();
        var youssef = await app.NewShopperAsync();
        var first = await fatima.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1)));
        var second = await fatima.Client.PlaceAsync(Shop.Cart("card", (oil, 1)));
        var his = await youssef.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1)));

        var mine = await (await (await fatima.Client.GetAsync("/api/orders")).ShouldHaveStatus(200)).Json();
        mine["total"]!.GetValue<int>().Should().Be(2);
        mine["items"]!.AsArray().Select(o => o!.Id()).Should().Equal(second.Id(), first.Id());
        mine["page"]!.GetValue<int>().Should().Be(1);
        mine["pageSize"]!.GetValue<int>().Should().Be(20);
        var pending = await (await fatima.Client.GetAsync("/api/orders?status=pending_payment")).Json();
        pending["items"]!.AsArray().Select(o => o!.Id()).Should().Equal(second.Id());
        await (await fatima.Client.GetAsync($"/api/orders/{his.Id()}")).ShouldBeProblem(403);
        await (await fatima.Client.GetAsync($"/api/orders/{Guid.NewGuid()}")).ShouldBeProblem(404);
        await (await app.Anonymous().GetAsync("/api/orders")).ShouldHaveStatus(401);
        await (await app.Anonymous().GetAsync($"/api/orders/{his.Id()}")).ShouldHaveStatus(401);
        await (await fatima.Client.GetAsync("/api/orders?status=lost")).ShouldBeValidationProblem("status");

        var admin = await app.AdminAsync();
        (await admin.Client.OrderAsync(his.Id())).Str("number").Should().Be(his.Str("number"));
        var all = await (await admin.Client.GetAsync("/api/orders?pageSize=100")).Json();
        all["total"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(3);
    }
}
