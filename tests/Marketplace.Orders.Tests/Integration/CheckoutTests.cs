using System.Text.RegularExpressions;

namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class CheckoutTests(OrdersApp app)
{
    [Fact]
    public async Task Given_products_of_two_cooperatives_When_checking_out_cash_on_delivery_Then_one_order_with_a_priced_sub_order_each()
    {
        var argan = await app.Market.NewCooperativeAsync(flatFee: 30m, freeAbove: 300m);
        var saffron = await app.Market.NewCooperativeAsync(flatFee: 25m, freeAbove: 100m);
        var oil = await app.Market.NewProductAsync(argan, 120.00m, stock: 10);
        var amlou = await app.Market.NewProductAsync(argan, 85.50m, stock: 10);
        var pot = await app.Market.NewProductAsync(saffron, 45.25m, stock: 10);
        var shopper = await app.NewShopperAsync();

        var response = await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 1), (pot, 3), (amlou, 2)));

        var order = await (await response.ShouldHaveStatus(201)).Json();
        response.Headers.Location!.ToString().Should().Be($"/api/orders/{order.Id()}");
        Regex.IsMatch(order.Str("number"), @"^SM-\d{4}-\d{6,}$").Should().BeTrue(order.Str("number"));
        order.Str("status").Should().Be("placed");
        var a = order.SubOrderOf(argan);
        a.Str("status").Should().Be("placed");
        a.Amount("subtotal").Should().Be(291.00m);
        a.Amount("shipping").Should().Be(30m, "291 MAD does not reach the 300 MAD threshold");
        a["lines"]!.AsArray().Select(l => (l!["productId"]!.GetValue<Guid>(), l["quantity"]!.GetValue<int>(), l.Amount("unitPrice"), l.Amount("lineTotal")))
            .Should().Equal((oil.Id, 1, 120.00m, 120.00m), (amlou.Id, 2, 85.50m, 171.00m));
        var s = order.SubOrderOf(saffron);
        s.Amount("subtotal").Should().Be(135.75m);
        s.Amount("shipping").Should().Be(0m, "135.75 MAD reaches the 100 MAD threshold");
        order.Amount("itemsTotal").Should().Be(426.75m);
        order.Amount("shippingTotal").Should().Be(30m);
        order.Amount("total").Should().Be(456.75m);
        order["total"]!["currency"]!.GetValue<string>().Should().Be("MAD");
        order["payment"]!.Str("method").Should().Be("cash_on_delivery");
        order["payment"]!.Str("status").Should().Be("pending");
        (await shopper.Client.OrderAsync(order.Id())).ToJsonString().Should().Be(order.ToJsonString());
        (await app.Market.AvailableAsync(amlou.Id)).Should().Be(8);
        await Poll.UntilAsync(() => app.Market.DetailsAsync(amlou.Id), p => p["onHand"]!.GetValue<int>() == 8 && p["reserved"]!.GetValue<int>() == 0,
            what: "the catalogue turning the reservation into a sale when it hears that the order was placed");

        var placed = (await app.Events.WaitForAsync<Contracts.OrderPlacedIntegrationEvent>(e => e.OrderId == order.Id())).Single();
        placed.PaymentMethod.Should().Be("cash_on_delivery");
        placed.Total.Should().Be(456.75m);
        placed.SubOrders.Should().HaveCount(2);
        placed.SubOrders.Single(x => x.CooperativeId == argan.Id).Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice))
            .Should().Equal((oil.Sku, 1, 120.00m), (amlou.Sku, 2, 85.50m));
    }

    [Fact]
    public async Task Given_a_placed_order_When_the_price_changes_Then_the_order_keeps_its_frozen_prices()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 99.90m, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 2)));
        order.Amount("total").Should().Be(199.80m);
        var later = await shopper.Client.OrderAsync(order.Id());
        later.SubOrderOf(coop)["lines"]![0]!.Amount("unitPrice").Should().Be(99.90m);
    }

    [Fact]
    public async Task Given_the_same_key_and_body_When_sent_again_Then_the_same_order_and_nothing_more_reserved()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 50m, stock: 10);
        var shopper = await app.NewShopperAsync();
        var key = Guid.NewGuid().ToString();
        var body = Shop.Cart("cash_on_delivery", (oil, 3));

        var first = await (await (await shopper.Client.CheckoutAsync(body, key)).ShouldHaveStatus(201)).Json();
        var again = await (await (await shopper.Client.CheckoutAsync(body, key)).ShouldHaveStatus(200)).Json();

        again.Id().Should().Be(first.Id());
        again.Str("number").Should().Be(first.Str("number"));
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(7);
        var mine = await (await shopper.Client.GetAsync("/api/orders")).Json();
        mine["total"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Given_a_used_key_When_sent_with_another_body_Then_422_and_the_first_order_stands()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 50m, stock: 10);
        var shopper = await app.NewShopperAsync();
        var key = Guid.NewGuid().ToString();
        await (await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 1)), key)).ShouldHaveStatus(201);

        await (await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 2)), key)).ShouldBeProblem(422);

        (await app.Market.AvailableAsync(oil.Id)).Should().Be(9);
    }

    [Fact]
    public async Task Given_two_shoppers_When_they_use_the_same_key_Then_each_gets_their_own_order()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 50m, stock: 10);
        var key = Guid.NewGuid().ToString();
        var one = await (await (await (await app.NewShopperAsync()).Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 1)), key)).ShouldHaveStatus(201)).Json();
        var two = await (await (await (await app.NewShopperAsync()).Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 2)), key)).ShouldHaveStatus(201)).Json();
        two.Id().Should().NotBe(one.Id());
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(7);
    }

    [Fact]
    public async Task Given_one_key_When_retried_concurrently_Then_one_order_and_one_reservation()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 50m, stock: 10);
        var shopper = await app.NewShopperAsync();
        var key = Guid.NewGuid().ToString();
        var body = Shop.Cart("card", (oil, 2));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => shopper.Client.CheckoutAsync(body, key)));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        statuses.Should().OnlyContain(s => s == 200 || s == 201, string.Join(",", statuses));
        var orders = await Task.WhenAll(responses.Select(r => r.Json()));
        orders.Select(o => o.Id()).Distinct().Should().ContainSingle();
        orders.Select(o => o["payment"]!["clientSecret"]!.GetValue<string>()).Distinct().Should().ContainSingle();
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(8);
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(1);
        app.Stripe.PaymentIntents.Values.Count(p => p["metadata"]!["orderId"]!.GetValue<string>() == orders[0].Id().ToString())
            .Should().Be(1, "one PaymentIntent per order");
    }

    [Fact]
    public async Task Given_one_key_When_two_bodies_with_no_product_in_common_are_sent_at_once_Then_one_order_one_422_and_one_reservation()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 50m, stock: 10);
        var honey = await app.Market.NewProductAsync(coop, 80m, stock: 10);
        var shopper = await app.NewShopperAsync();
        var keys = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid().ToString()).ToList();

        // No lock in common: the two reservations for one order id meet on the reservation's key (or on the order stream).
        var sent = await Task.WhenAll(keys.Select(key => Task.WhenAll(
            shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (oil, 1)), key),
            shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (honey, 1)), key))));

        foreach (var pair in sent)
            pair.Select(r => (int)r.StatusCode).Order().Should().Equal([201, 422], "one body per key wins, the other is refused");
        (await app.Market.AvailableAsync(oil.Id) + await app.Market.AvailableAsync(honey.Id)).Should().Be(20 - keys.Count,
            "the refused body reserved nothing");
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(keys.Count);
    }

    [Fact]
    public async Task Given_little_stock_When_many_shoppers_check_out_at_once_Then_it_is_never_oversold()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var saffron = await app.Market.NewProductAsync(coop, 60m, stock: 5);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.NewShopperAsync()));

        var responses = await Task.WhenAll(shoppers.Select(s => s.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (saffron, 1)))));

        responses.Count(r => (int)r.StatusCode == 201).Should().Be(5);
        foreach (var refused in responses.Where(r => (int)r.StatusCode != 201))
            (await refused.ShouldBeProblem(409))["code"]!.GetValue<string>().Should().Be("insufficient_stock");
        (await app.Market.AvailableAsync(saffron.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Given_a_cart_with_a_short_product_When_checking_out_Then_409_naming_it_and_nothing_kept()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var plenty = await app.Market.NewProductAsync(coop, 20m, stock: 50);
        var scarce = await app.Market.NewProductAsync(coop, 300m, stock: 2);
        var shopper = await app.NewShopperAsync();

        var problem = await (await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (plenty, 5), (scarce, 3)))).ShouldBeProblem(409);

        problem["code"]!.GetValue<string>().Should().Be("insufficient_stock");
        problem["detail"]!.GetValue<string>().Should().Contain(scarce.Sku);
        var named = problem["products"]!.AsArray().Should().ContainSingle().Subject!;
        named["productId"]!.GetValue<Guid>().Should().Be(scarce.Id);
        named["available"]!.GetValue<int>().Should().Be(2);
        (await app.Market.AvailableAsync(plenty.Id)).Should().Be(50);
        (await app.Market.AvailableAsync(scarce.Id)).Should().Be(2);
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Given_an_unpublished_product_or_a_suspended_cooperative_When_checking_out_Then_409()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var withdrawn = await app.Market.NewProductAsync(coop, 20m, stock: 5);
        await app.Market.UnpublishAsync(withdrawn);
        var suspended = await app.Market.NewCooperativeAsync();
        var itsProduct = await app.Market.NewProductAsync(suspended, 20m, stock: 5);
        await app.Market.SuspendAsync(suspended);
        var shopper = await app.NewShopperAsync();

        (await (await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (withdrawn, 1)))).ShouldBeProblem(409))["code"]!
            .GetValue<string>().Should().Be("not_purchasable");
        (await (await shopper.Client.CheckoutAsync(Shop.Cart("cash_on_delivery", (itsProduct, 1)))).ShouldBeProblem(409))["code"]!
            .GetValue<string>().Should().Be("not_purchasable");
    }

    [Fact]
    public async Task Given_no_sign_in_When_checking_out_Then_401()
    {
        var response = await app.Anonymous().CheckoutRawAsync("""{"lines":[]}""", Guid.NewGuid().ToString());
        ((int)response.StatusCode).Should().Be(401);
    }
}
