using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>Issue 16: every route of a cooperative's orders declares its authorization on the endpoint, like the others.</summary>
[Collection(OrdersCollection.Name)]
public sealed class EndpointAuthorizationTests(OrdersApp app)
{
    [Fact]
    public void Every_route_of_a_cooperatives_orders_requires_a_signed_in_user_on_its_endpoint()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/cooperatives/{id:guid}/orders") == true).ToList();

        routes.Should().HaveCountGreaterThanOrEqualTo(4, "the list and the three moves");
        routes.Should().AllSatisfy(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Should().NotBeEmpty(e.RoutePattern.RawText));
    }
}
