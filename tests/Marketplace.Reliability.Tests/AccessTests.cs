using System.Text.Json.Nodes;
using Marketplace.Reliability.Tests.Suite;
using Xunit.Abstractions;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// Every route of API.md called by every role (anonymous, two shoppers, the staff of two cooperatives, the
/// administrator): allowed or refused exactly as its "who" column says; a refused call is a problem (401 unsigned, 403
/// signed in but not allowed) and changes nothing in any module's store.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AccessTests(SuiteApp app, ITestOutputHelper output)
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] SignedIn = Everyone.Where(r => r != Role.Anonymous).ToArray();

    /// <summary>Who may call a route, from API.md's "who" column (cooperative routes aim at cooperative A, order routes at the first shopper's orders).</summary>
    public static IReadOnlySet<Role> Allowed(ApiRoute route) => (route.Who switch
    {
        "anyone" => Everyone,
        "signed in" => SignedIn,
        "admin" => [Role.Admin],
        // Administrators read every order (GET /api/orders: "admins: everyone's"), so also a cooperative's sub-orders.
        "staff" when route.Key == "GET /api/cooperatives/{}/orders" => [Role.StaffA, Role.Admin],
        "owner" or "staff" or "staff of a verified cooperative" => [Role.StaffA],
        "staff, admin" => [Role.StaffA, Role.Admin],
        "staff; the member herself" => [Role.StaffA, Role.Shopper1], // the world's member of A is the first shopper
        "staff, admin; anyone for verified ones" => Everyone, // the others read the verified ones' summaries
        "shopper" when route.Key == "POST /api/orders" => SignedIn, // every account is a shopper
        "shopper" => [Role.Shopper1], // cancelling: the shopper who ordered
        "the shopper who ordered; admins" when route.Key == "GET /api/orders" => SignedIn, // each sees their own
        "the shopper who ordered; admins" => [Role.Shopper1, Role.Admin],
        "the shopper who ordered" => [Role.Shopper1],
        "its author" => [Role.Shopper1], // the world's review is the first shopper's
        "staff of the reviewed cooperative" => [Role.StaffA],
        "the shopper, that cooperative's staff, admins" => [Role.Shopper1, Role.StaffA, Role.Admin],
        "Stripe" => [], // a Stripe signature, not a user
        "CMI" => [], // CMI's hash, not a user
        _ => throw new InvalidOperationException($"API.md: who is '{route.Who}' for {route}? Teach the access table."),
    }).ToHashSet();

    /// <summary>
    /// Answers API.md gives an allowed caller besides a success, for the world's state: a batch when every pending transfer is
    /// in one already is 422; a payout that is neither failed nor returned cannot be reissued (409).
    /// </summary>
    private static readonly IReadOnlyDictionary<string, int[]> AlsoExpected = new Dictionary<string, int[]>
    {
        ["POST /api/admin/bank-batches"] = [422],
        ["POST /api/admin/payouts/{}/reissue"] = [409],
        ["POST /api/orders/{}/pay"] = [409], // the world's card order is paid
        ["GET /api/orders/{}/sub-orders/{}/invoice"] = [409, 422], // not delivered yet, or its cooperative has no tax identity
        ["POST /api/cooperatives/{}/assemblies/{}/surplus"] = [409], // shared once: the first allowed call shares it
        ["POST /api/admin/certificates/{}/verify"] = [409], // reviewed once: verified, then rejected (withdrawn) by the next row
        ["POST /api/admin/certificates/{}/reject"] = [409],
        ["POST /api/orders/{}/sub-orders/{}/reviews"] = [409], // the cooperative reviewed once: the next allowed call is the second
        ["PUT /api/reviews/{}"] = [409], // once withdrawn by DELETE, it cannot be edited
        ["POST /api/reviews/{}/reply"] = [409], // one reply
    };

    /// <summary>A forged webhook is a 400; a forged CMI callback is answered FAILURE, as CMI expects (API.md); users are 401 or 403.</summary>
    private static int Refusal(ApiRoute route, Role role) => route.Who switch { "Stripe" => 400, "CMI" => 200, _ => role == Role.Anonymous ? 401 : 403 };

    [Fact]
    public void Given_API_md_Then_every_route_has_a_request_in_the_table_and_the_table_no_other()
    {
        ApiContract.Routes.Should().HaveCountGreaterThan(35, "API.md ({0}) has that many routes", ApiContract.Path);
        ApiContract.Routes.Select(r => r.Key).Should().BeSubsetOf(Requests.ByRoute.Keys, "each route of API.md is called");
        Requests.ByRoute.Keys.Should().BeSubsetOf(ApiContract.Routes.Select(r => r.Key), "the table follows API.md");
        ApiContract.Routes.Should().AllSatisfy(r => Allowed(r).Should().NotBeNull());
    }

    [Fact]
    public async Task Given_every_route_and_every_role_When_called_Then_allowed_or_refused_as_API_md_says_and_refusals_change_nothing()
    {
        var world = await app.NewWorldAsync();
        var failures = new List<string>();
        var before = await app.Snapshot.QuietAsync();
        var (refusals, allowed) = (0, 0);
        foreach (var route in ApiContract.Routes)
            foreach (var role in Everyone.Where(r => !Allowed(route).Contains(r)))
            {
                var response = await world.Client(role).SendAsync(Requests.ByRoute[route.Key](world));
                refusals++;
                var status = (int)response.StatusCode;
                if (status != Refusal(route, role)) failures.Add($"{route} as {role}: {status} instead of {Refusal(route, role)} {await response.Content.ReadAsStringAsync()}");
                else if (route.Who == "CMI" ? await response.Content.ReadAsStringAsync() != "FAILURE"
                         : response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{route} as {role}: {status} without {(route.Who == "CMI" ? "FAILURE" : "problem details")}");
                var after = await app.Snapshot.TakeAsync();
                var changes = StateSnapshot.Changes(before, after);
                if (changes.Count > 0)
                {
                    failures.Add($"{route} as {role} was refused ({status}) but changed: {string.Join("; ", changes)}");
                    before = await app.Snapshot.QuietAsync();
                }
            }

        foreach (var route in ApiContract.Routes)
            foreach (var role in Everyone.Where(Allowed(route).Contains))
            {
                if (route.Key == "PUT /api/cooperatives/{}/products/{}") world.DraftVersion = await DraftVersionAsync(world);
                var response = await world.Client(role).SendAsync(Requests.ByRoute[route.Key](world));
                allowed++;
                if ((int)response.StatusCode is < 200 or > 299 && !AlsoExpected.GetValueOrDefault(route.Key, []).Contains((int)response.StatusCode))
                    failures.Add($"{route} as {role}: {(int)response.StatusCode} instead of a success {await response.Content.ReadAsStringAsync()}");
            }

        foreach (var failure in failures) output.WriteLine(failure);
        output.WriteLine($"{ApiContract.Routes.Count} routes x {Everyone.Length} roles: {refusals} refusals checked (status, problem details, no change), {allowed} allowed calls");
        failures.Should().BeEmpty();
        await app.Snapshot.QuietAsync();
        await app.Invariants.CheckAsync();
    }

    private static async Task<int> DraftVersionAsync(World world)
    {
        var product = await (await (await world.StaffA.Client.GetAsync($"/api/products/{world.DraftProduct}")).ShouldHaveStatus(200)).Json();
        return product["version"]!.GetValue<int>();
    }
}
