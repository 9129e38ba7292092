namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class OpenApiTests(OrdersApp app)
{
    [Fact]
    public async Task The_openapi_document_describes_the_orders_routes()
    {
        var document = await (await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldHaveStatus(200)).Json();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        paths.Should().Contain(["/api/orders", "/api/orders/{id}", "/api/orders/{id}/cancel", "/api/cooperatives/{id}/orders",
            "/api/cooperatives/{id}/orders/{subOrderId}/accept", "/api/cooperatives/{id}/orders/{subOrderId}/ship",
            "/api/cooperatives/{id}/orders/{subOrderId}/deliver", "/api/payments/stripe/webhook"]);
        document["paths"]!["/api/orders"]!["post"]!["parameters"]!.AsArray()
            .Should().Contain(p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
    }
}
