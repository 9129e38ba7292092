using Marketplace.Orders.Fulfilment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Marketplace.Orders.Contracts;

namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class FulfilmentTests(OrdersApp app)
{
    [Fact]
    public async Task Given_a_two_cooperative_cash_order_When_each_accepts_ships_and_delivers_Then_it_is_delivered_with_the_cash_recorded()
    {
        var argan = await app.Market.NewCooperativeAsync(flatFee: 30m);
        var saffron = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(argan, 120m, stock: 10);
        var pot = await app.Market.NewProductAsync(saffron, 45.25m, stock: 10);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 2), (pot, 1)));
        var a = order.SubOrderOf(argan).Id();
        var s = order.SubOrderOf(saffron).Id();

        (await argan.MoveAsync(a, "accept")).Str("status").Should().Be("accepted");
        await saffron.MoveAsync(s, "accept");
        var shipped = await argan.MoveAsync(a, "ship", Shop.Shipment("AM-1"));
        shipped.Str("trackingNumber").Should().Be("AM-1");
        shipped.Str("carrier").Should().Be("Amana");
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("partially_shipped");
        await saffron.MoveAsync(s, "ship", Shop.Shipment("AM-2"));
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("shipped");
        (await argan.MoveAsync(a, "deliver")).Amount("cashCollected").Should().Be(270m, "the sub-order's items and delivery fee");
        (await saffron.MoveAsync(s, "deliver", new { cashCollected = new { amount = 50m, currency = "MAD" } })).Amount("cashCollected").Should().Be(50m);

        var delivered = await shopper.Client.OrderAsync(order.Id());
        delivered.Str("status").Should().Be("delivered");
        delivered["payment"]!.Str("status").Should().Be("collected");
        delivered["subOrders"]!.AsArray().Should().OnlyContain(x => x!["status"]!.GetValue<string>() == "delivered");
        var events = await app.Events.WaitForAsync<SubOrderDeliveredIntegrationEvent>(e => e.OrderId == order.Id(), count: 2);
        events.Single(e => e.CooperativeId == argan.Id).CashCollected.Should().Be(270m);
        events.Should().OnlyContain(e => e.PaymentMethod == "cash_on_delivery" && e.Currency == "MAD");
    }

    [Fact]
    public async Task Given_a_two_cooperative_card_order_When_paid_and_fulfilled_Then_it_goes_from_pending_payment_to_delivered()
    {
        var argan = await app.Market.NewCooperativeAsync();
        var saffron = await app.Market.NewCooperativeAsync(flatFee: 20m);
        var oil = await app.Market.NewProductAsync(argan, 99.99m, stock: 10);
        var pot = await app.Market.NewProductAsync(saffron, 45m, stock: 10);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 1), (pot, 2)));
        order.Str("status").Should().Be("pending_payment");
        var a = order.SubOrderOf(argan).Id();
        var s = order.SubOrderOf(saffron).Id();
        await argan.MoveAsync(a, "accept", status: 409);
        (await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders")).Json())["total"]!.GetValue<int>()
            .Should().Be(0, "an unpaid card order is not for the cooperatives yet");

        var secret = order["payment"]!.Str("clientSecret");
        await (await app.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("paid");

        foreach (var (coop, sub) in new[] { (argan, a), (saffron, s) })
        {
            await coop.MoveAsync(sub, "accept");
            await coop.MoveAsync(sub, "ship", Shop.Shipment());
            var delivered = await coop.MoveAsync(sub, "deliver");
            delivered["cashCollected"].Should().BeNull("a card order collects no cash");
        }
        var done = await shopper.Client.OrderAsync(order.Id());
        done.Str("status").Should().Be("delivered");
        done["payment"]!.Str("status").Should().Be("paid");
        (await app.Events.WaitForAsync<SubOrderDeliveredIntegrationEvent>(e => e.OrderId == order.Id(), count: 2))
            .Should().OnlyContain(e => e.PaymentMethod == "card" && e.CashCollected == null);
    }

    [Fact]
    public async Task Given_orders_of_two_cooperatives_When_one_lists_its_orders_Then_it_sees_only_its_own_sub_orders_filtered_and_paged()
    {
        var argan = await app.Market.NewCooperativeAsync();
        var saffron = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(argan, 10m, stock: 50);
        var pot = await app.Market.NewProductAsync(saffron, 10m, stock: 50);
        var shopper = await app.NewShopperAsync();
        var orders = new List<System.Text.Json.Nodes.JsonNode>();
        for (var i = 0; i < 3; i++) orders.Add(await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1), (pot, 1))));
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (pot, 1)));
        await argan.MoveAsync(orders[0].SubOrderOf(argan).Id(), "accept");

        var all = await (await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders")).ShouldHaveStatus(200)).Json();
        all["total"]!.GetValue<int>().Should().Be(3);
        all["items"]!.AsArray().Should().OnlyContain(x => x!["cooperativeId"]!.GetValue<Guid>() == argan.Id);
        all["items"]![0]!["lines"]!.AsArray().Should().ContainSingle().Which!["productId"]!.GetValue<Guid>().Should().Be(oil.Id);
        all["items"]![0]!.Str("orderNumber").Should().StartWith("SM-");
        all["items"]![0]!["shippingAddress"]!.Str("city").Should().Be("Agadir");
        var accepted = await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders?status=accepted")).Json();
        accepted["items"]!.AsArray().Select(x => x!.Id()).Should().Equal(orders[0].SubOrderOf(argan).Id());
        var page = await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders?status=placed&page=2&pageSize=1")).Json();
        page["total"]!.GetValue<int>().Should().Be(2);
        page["page"]!.GetValue<int>().Should().Be(2);
        page["items"]!.AsArray().Should().ContainSingle();
        (await (await saffron.Owner.Client.GetAsync($"/api/cooperatives/{saffron.Id}/orders")).Json())["total"]!.GetValue<int>().Should().Be(4);
        await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders?status=lost")).ShouldBeValidationProblem("status");
        await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders?pageSize=101")).ShouldBeValidationProblem("pageSize");
    }

    [Fact]
    public async Task Given_a_sub_order_When_someone_else_than_its_cooperative_acts_Then_403_or_404()
    {
        var argan = await app.Market.NewCooperativeAsync();
        var other = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(argan, 10m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1)));
        var sub = order.SubOrderOf(argan).Id();

        await (await other.Owner.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders")).ShouldBeProblem(403);
        await (await shopper.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders")).ShouldBeProblem(403);
        await (await app.Anonymous().GetAsync($"/api/cooperatives/{argan.Id}/orders")).ShouldHaveStatus(401);
        await (await other.Owner.Client.PostJson($"/api/cooperatives/{argan.Id}/orders/{sub}/accept")).ShouldBeProblem(403);
        await (await other.Owner.Client.PostJson($"/api/cooperatives/{other.Id}/orders/{sub}/accept")).ShouldBeProblem(404);
        await (await shopper.Client.PostJson($"/api/cooperatives/{argan.Id}/orders/{sub}/accept")).ShouldBeProblem(403);
        await (await argan.Owner.Client.GetAsync($"/api/cooperatives/{Guid.NewGuid()}/orders")).ShouldBeProblem(404);
        await (await argan.Owner.Client.PostJson($"/api/cooperatives/{argan.Id}/orders/{Guid.NewGuid()}/accept")).ShouldBeProblem(404);
        var admin = await app.AdminAsync();
        var seen = await (await (await admin.Client.GetAsync($"/api/cooperatives/{argan.Id}/orders")).ShouldHaveStatus(200)).Json();
        seen["items"]!.AsArray().Select(x => x!.Id()).Should().Contain(sub, "administrators see every cooperative's sub-orders");
        await (await admin.Client.PostJson($"/api/cooperatives/{argan.Id}/orders/{sub}/accept")).ShouldBeProblem(403);
        (await shopper.Client.OrderAsync(order.Id())).SubOrderOf(argan).Str("status").Should().Be("placed");
    }

    [Fact]
    public async Task Given_requests_without_a_body_When_accepting_delivering_and_cancelling_Then_they_work_as_with_an_empty_one()
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 12.50m);
        var oil = await app.Market.NewProductAsync(coop, 40m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var sub = (await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 2)))).SubOrderOf(coop).Id();
        var url = $"/api/cooperatives/{coop.Id}/orders/{sub}";

        await (await coop.Owner.Client.PostAsync($"{url}/accept", null)).ShouldHaveStatus(200);
        await (await coop.Owner.Client.PostAsync($"{url}/ship", null)).ShouldBeValidationProblem("carrier", "trackingNumber");
        await coop.MoveAsync(sub, "ship", Shop.Shipment());
        var delivered = await (await (await coop.Owner.Client.PostAsync($"{url}/deliver", null)).ShouldHaveStatus(200)).Json();

        delivered.Amount("cashCollected").Should().Be(92.50m, "cash on delivery collects the sub-order's total by default");
        var other = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1)));
        (await (await (await shopper.Client.PostAsync($"/api/orders/{other.Id()}/cancel", null)).ShouldHaveStatus(200)).Json())
            .Str("status").Should().Be("cancelled");
    }

    [Fact]
    public async Task Given_a_sub_order_When_moved_out_of_order_Then_409_and_its_state_is_kept()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 10m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var sub = (await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1)))).SubOrderOf(coop).Id();

        (await coop.MoveAsync(sub, "ship", Shop.Shipment(), status: 409))["code"]!.GetValue<string>().Should().Be("illegal_transition");
        await coop.MoveAsync(sub, "deliver", status: 409);
        await coop.MoveAsync(sub, "accept");
        await coop.MoveAsync(sub, "accept", status: 409);
        await coop.MoveAsync(sub, "deliver", status: 409);
        await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/orders/{sub}/ship", new { carrier = "" }))
            .ShouldBeValidationProblem("carrier", "trackingNumber");
        await coop.MoveAsync(sub, "ship", Shop.Shipment());
        await coop.MoveAsync(sub, "ship", Shop.Shipment(), status: 409);
        await coop.MoveAsync(sub, "deliver");
        await coop.MoveAsync(sub, "deliver", status: 409);
        await coop.MoveAsync(sub, "accept", status: 409);
    }

    [Fact]
    public async Task Given_an_order_placed_Then_each_sub_order_names_its_order_and_one_placed_before_that_record_is_named_at_start()
    {
        var argan = await app.Market.NewCooperativeAsync();
        var saffron = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(argan, 120m, stock: 10);
        var pot = await app.Market.NewProductAsync(saffron, 45m, stock: 10);
        var order = await (await app.NewShopperAsync()).Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 1), (pot, 1)));
        var (a, s) = (order.SubOrderOf(argan).Id(), order.SubOrderOf(saffron).Id());
        var store = app.Services.GetRequiredService<IOrdersStore>();

        await using (var query = store.QuerySession())
            (await query.LoadManyAsync<SubOrderOwner>(a, s)).Select(o => o.OrderId).Should().Equal(order.Id(), order.Id());
        (await argan.MoveAsync(a, "accept")).Str("status").Should().Be("accepted");

        // An order placed before sub-orders named their order: not found by a scan of the orders, but named at the next start.
        await using (var session = store.LightweightSession())
        {
            session.Delete<SubOrderOwner>(s);
            session.Delete<OrdersBackfill>(SubOrderOwnersBackfill.Name);
            await session.SaveChangesAsync();
        }
        await saffron.MoveAsync(s, "accept", status: 404);
        var backfill = app.Services.GetServices<IHostedService>().OfType<SubOrderOwnersBackfill>().Single();
        await Task.WhenAll(backfill.StartAsync(CancellationToken.None), backfill.StartAsync(CancellationToken.None)); // two nodes at once
        await backfill.StartAsync(CancellationToken.None); // and again once done

        await using (var query = store.QuerySession())
        {
            (await query.LoadAsync<SubOrderOwner>(s))!.OrderId.Should().Be(order.Id());
            (await query.LoadAsync<OrdersBackfill>(SubOrderOwnersBackfill.Name)).Should().NotBeNull();
        }
        (await saffron.MoveAsync(s, "accept")).Str("status").Should().Be("accepted");
        await argan.MoveAsync(s, "ship", Shop.Shipment(), status: 404);
        await argan.MoveAsync(Guid.NewGuid(), "ship", Shop.Shipment(), status: 404);
    }
}
