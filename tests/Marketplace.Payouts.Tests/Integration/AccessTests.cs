namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class AccessTests(PayoutsApp app)
{
    public static TheoryData<string> CooperativeRoutes => new() { "balance", "ledger", "statements/2026-11.csv", "payouts" };

    [Theory, MemberData(nameof(CooperativeRoutes))]
    public async Task Given_a_cooperatives_money_When_someone_else_asks_Then_only_its_staff_and_admins_see_it(string route)
    {
        var coop = await app.Cooperatives.NewAsync("Private");
        var other = await app.Cooperatives.NewAsync("Other");
        var shopper = await app.NewShopperAsync();
        var admin = await app.AdminAsync();

        await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/{route}")).ShouldHaveStatus(200);
        await (await admin.Client.GetAsync($"/api/cooperatives/{coop.Id}/{route}")).ShouldHaveStatus(200);
        await (await other.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/{route}")).ShouldBeProblem(403);
        await (await shopper.Client.GetAsync($"/api/cooperatives/{coop.Id}/{route}")).ShouldBeProblem(403);
        (await app.Anonymous().GetAsync($"/api/cooperatives/{coop.Id}/{route}")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        await (await admin.Client.GetAsync($"/api/cooperatives/{Guid.NewGuid()}/{route}")).ShouldBeProblem(404);
    }

    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "PUT", "/api/admin/commission" },
        { "GET", "/api/admin/commission" },
        { "POST", "/api/admin/payout-runs" },
        { "GET", "/api/admin/payouts" },
        { "POST", "/api/admin/bank-batches" },
        { "GET", "/api/admin/bank-batches" },
        { "GET", $"/api/admin/bank-batches/{Guid.NewGuid()}" },
        { "GET", $"/api/admin/bank-batches/{Guid.NewGuid()}.csv" },
        { "POST", $"/api/admin/payouts/{Guid.NewGuid()}/reissue" },
        { "POST", $"/api/admin/payouts/{Guid.NewGuid()}/mark-sent" },
        { "POST", $"/api/admin/payouts/{Guid.NewGuid()}/mark-failed" },
        { "POST", "/api/admin/reconciliation/bank-statements" },
        { "GET", "/api/admin/reconciliation" },
        { "POST", "/api/admin/reconciliation/stripe" },
    };

    [Theory, MemberData(nameof(AdminRoutes))]
    public async Task Given_an_administrators_route_When_a_cooperative_or_a_shopper_calls_it_Then_403_and_anonymous_401(string method, string route)
    {
        var coop = await app.Cooperatives.NewAsync("NotAdmin");
        foreach (var client in new[] { coop.Owner.Client, (await app.NewShopperAsync()).Client })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route)
                { Content = method == "GET" ? null : System.Net.Http.Json.JsonContent.Create(new { periodEnd = "2026-01-04", defaultRate = 0.5, bankReference = "X", reason = "X" }) });
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        }
        (await app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), route))).StatusCode
            .Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("ledger?page=0")]
    [InlineData("ledger?pageSize=101")]
    [InlineData("ledger?from=2026-13-01")]
    [InlineData("statements/2026-13.csv")]
    [InlineData("statements/november.csv")]
    public async Task Given_bad_paging_or_dates_When_reading_Then_400(string route)
    {
        var coop = await app.Cooperatives.NewAsync("BadInput");
        await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/{route}")).ShouldBeProblem(400);
    }
}
