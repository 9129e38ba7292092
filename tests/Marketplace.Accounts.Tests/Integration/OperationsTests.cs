namespace Marketplace.Accounts.Tests.Integration;

/// <summary>What the foundation serves besides accounts: health, the API's description, the jobs dashboard.</summary>
[Collection(AccountsCollection.Name)]
public sealed class OperationsTests(AccountsApp app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_when_postgresql_is_reachable(string path) =>
        await (await app.Anonymous().GetAsync(path)).ShouldHaveStatus(200);

    [Fact]
    public async Task The_openapi_document_describes_the_routes()
    {
        var doc = await (await (await app.Anonymous().GetAsync("/openapi/v1.json")).ShouldHaveStatus(200)).Json();
        doc["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/api/accounts/register", "/api/accounts/login", "/api/accounts/me"]);
    }

    [Fact]
    public async Task The_api_reference_page_is_served_at_docs()
    {
        var page = await (await app.CreateClient().GetAsync("/docs")).ShouldHaveStatus(200); // may redirect to /docs/
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem() =>
        await (await app.Anonymous().GetAsync($"/api/nothing-here/{Guid.NewGuid()}")).ShouldBeProblem(404);

    [Fact]
    public async Task The_jobs_dashboard_refuses_anonymous_users_and_shoppers_and_opens_for_administrators()
    {
        (await app.Anonymous().GetAsync("/admin/jobs")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        var browser = app.Anonymous();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var redirected = await browser.GetAsync("/admin/jobs");
        redirected.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        redirected.Headers.Location!.ToString().Should().Contain("/account/login");

        var shopper = await app.NewShopperAsync();
        (await shopper.Client.GetAsync("/admin/jobs")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);

        var admin = await app.AdminAsync();
        var dashboard = await (await admin.Client.GetAsync("/admin/jobs")).ShouldHaveStatus(200);
        (await dashboard.Content.ReadAsStringAsync()).Should().Contain("Marketplace jobs");
    }
}
