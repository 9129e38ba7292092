namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class CheckoutInputTests(OrdersApp app)
{
    private const string Address = """{"fullName":"Fatima","phone":"+212600000000","line1":"12 rue des Oliviers","city":"Agadir","province":"Souss","postalCode":"80000"}""";

    public static TheoryData<string, string[]> BadCarts => new()
    {
        { $$"""{"lines":[],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines"] },
        { $$"""{"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines"] },
        { $$"""{"lines":[{"productId":"@P","quantity":0}],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines[0].quantity"] },
        { $$"""{"lines":[{"productId":"@P","quantity":-2}],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines[0].quantity"] },
        { $$"""{"lines":[{"productId":"@P","quantity":100000}],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines[0].quantity"] },
        { $$"""{"lines":[{"productId":"@P"}],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines[0].quantity"] },
        { $$"""{"lines":[{"quantity":1}],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines[0].productId"] },
        { $$"""{"lines":[{"productId":"{{Guid.NewGuid()}}","quantity":1}],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", ["lines[0].productId"] },
        { $$"""{"lines":[{"productId":"@P","quantity":1}],"shippingAddress":{{Address}},"paymentMethod":"bitcoin"}""", ["paymentMethod"] },
        { $$"""{"lines":[{"productId":"@P","quantity":1}],"shippingAddress":{{Address}}}""", ["paymentMethod"] },
        { """{"lines":[{"productId":"@P","quantity":1}],"paymentMethod":"cash_on_delivery"}""", ["shippingAddress"] },
        { """{"lines":[{"productId":"@P","quantity":1}],"shippingAddress":{"fullName":" ","phone":"abc"},"paymentMethod":"cash_on_delivery"}""",
            ["shippingAddress.fullName", "shippingAddress.phone", "shippingAddress.line1", "shippingAddress.city"] },
        { "{}", ["lines", "shippingAddress", "paymentMethod"] },
    };

    [Theory, MemberData(nameof(BadCarts))]
    public async Task Given_bad_input_When_checking_out_Then_400_with_the_fields_in_error_and_nothing_reserved(string body, string[] fields)
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 10m, stock: 4);
        var shopper = await app.NewShopperAsync();

        var response = await shopper.Client.CheckoutRawAsync(body.Replace("@P", oil.Id.ToString()), Guid.NewGuid().ToString());

        await response.ShouldBeValidationProblem(fields);
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(4);
        (await (await shopper.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(0);
    }

    [Theory]
    [InlineData("""{"lines": [""")]
    [InlineData("""{"lines": "many", "paymentMethod": 3}""")]
    [InlineData("""{"lines": [{"productId": "not-a-guid", "quantity": 1}]}""")]
    [InlineData("""{"lines": [{"productId": "0193a000-0000-7000-8000-000000000001", "quantity": 1.5}]}""")]
    [InlineData("""[1, 2]""")]
    public async Task Given_malformed_json_When_checking_out_Then_400_without_internals(string body)
    {
        var shopper = await app.NewShopperAsync();
        var problem = await (await shopper.Client.CheckoutRawAsync(body, Guid.NewGuid().ToString())).ShouldBeProblem(400);
        problem.ToJsonString().Should().NotContain("Marketplace.").And.NotContain("   at ");
    }

    [Fact]
    public async Task Given_no_idempotency_key_When_checking_out_Then_400_and_nothing_reserved()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 10m, stock: 4);
        var shopper = await app.NewShopperAsync();

        var response = await shopper.Client.CheckoutRawAsync(
            $$"""{"lines":[{"productId":"{{oil.Id}}","quantity":1}],"shippingAddress":{{Address}},"paymentMethod":"cash_on_delivery"}""", key: null);

        (await response.ShouldBeValidationProblem("idempotencyKey"))["idempotencyKey"]![0]!.GetValue<string>().Should().Contain("Idempotency-Key");
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(4);
    }
}
