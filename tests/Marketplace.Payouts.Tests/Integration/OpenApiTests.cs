namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class OpenApiTests(PayoutsApp app)
{
    [Fact]
    public async Task The_openapi_document_describes_the_payouts_routes()
    {
        var document = await (await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldHaveStatus(200)).Json();

        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain([
            "/api/cooperatives/{id}/balance", "/api/cooperatives/{id}/ledger", "/api/cooperatives/{id}/statements/{month}.csv",
            "/api/cooperatives/{id}/payouts", "/api/admin/commission", "/api/admin/payout-runs", "/api/admin/payouts",
            "/api/admin/bank-batches", "/api/admin/bank-batches/{id}", "/api/admin/bank-batches/{id}.csv", "/api/admin/payouts/{id}/reissue",
            "/api/admin/payouts/{id}/mark-sent", "/api/admin/payouts/{id}/mark-failed",
            "/api/admin/reconciliation/bank-statements", "/api/admin/reconciliation", "/api/admin/reconciliation/stripe"]);
    }
}
