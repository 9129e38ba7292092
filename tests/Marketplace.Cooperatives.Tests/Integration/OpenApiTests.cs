namespace Marketplace.Cooperatives.Tests.Integration;

[Collection(CooperativesCollection.Name)]
public sealed class OpenApiTests(CooperativesApp app)
{
    [Fact]
    public async Task The_openapi_document_describes_the_cooperatives_routes()
    {
        var paths = (await app.Anonymous().GetJson("/openapi/v1.json"))["paths"]!.AsObject().Select(p => p.Key).ToList();

        paths.Should().Contain(["/api/cooperatives", "/api/cooperatives/{id}", "/api/cooperatives/{id}/history", "/api/cooperatives/{id}/staff",
            "/api/cooperatives/{id}/staff/{userId}", "/api/cooperatives/{id}/members", "/api/cooperatives/{id}/members/{memberId}",
            "/api/cooperatives/{id}/members/{memberId}/leave", "/api/cooperatives/{id}/shipping", "/api/cooperatives/{id}/payout-account",
            "/api/admin/cooperatives/{id}/verify", "/api/admin/cooperatives/{id}/suspend", "/api/admin/cooperatives/{id}/reinstate"]);
    }
}
