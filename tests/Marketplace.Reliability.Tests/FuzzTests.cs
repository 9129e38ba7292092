using System.Diagnostics;
using Marketplace.Reliability.Tests.Fuzz;
using Marketplace.Reliability.Tests.Suite;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// Hostile input over every route the Host serves (so every route of API.md, which a test checks): more than 10,000
/// seeded requests with junk path parameters, query strings, headers and bodies (wrong types, huge values, deep nesting,
/// invalid UTF-8, bidi overrides, SQL and HTML injection), sent by callers who may and may not call the route. No 5xx,
/// problem details on every 4xx, and requests that were refused change nothing in any store.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class FuzzTests(SuiteApp app, ITestOutputHelper output)
{
    private const int Seed = 20261129;
    private const int Total = 10_200;
    private const int BatchSize = 24;

    private IReadOnlyList<FuzzRoute> Routes() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true)
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new FuzzRoute(m, e.RoutePattern.RawText!)))
        .DistinctBy(r => r.ToString()).OrderBy(r => r.Template).ThenBy(r => r.Method).ToList();

    private sealed record Answer(FuzzCase Case, int Status, string? Type, string Body);

    private static bool IsCmiCallback(FuzzRoute route) => route.Template == "/api/payments/cmi/callback";

    /// <summary>CMI's callback refuses as CMI expects: 200 with the body FAILURE (API.md).</summary>
    private static bool Refused(Answer a) => IsCmiCallback(a.Case.Route) && a.Status == 200 && a.Body == "FAILURE";

    private static async Task<Answer[]> SendAsync(World world, IEnumerable<FuzzCase> batch, SemaphoreSlim gate) =>
        await Task.WhenAll(batch.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await world.Client(c.Role).SendAsync(c.Request);
                var status = (int)response.StatusCode;
                return new Answer(c, status, response.Content.Headers.ContentType?.MediaType,
                    status >= 500 || IsCmiCallback(c.Route) ? await response.Content.ReadAsStringAsync() : "");
            }
            finally { gate.Release(); }
        }));

    [Fact]
    public void Given_the_routes_the_Host_serves_Then_every_route_of_API_md_is_among_those_fuzzed()
    {
        var fuzzed = Routes().Select(r => r.Key).ToHashSet();
        ApiContract.Routes.Where(r => !fuzzed.Contains(r.Key)).Should().BeEmpty("every route of API.md ({0}) is served and fuzzed", ApiContract.Path);
    }

    [Fact]
    public void Given_the_routes_of_open_issues_Then_each_is_in_API_md_and_not_served_yet()
    {
        var served = Routes().Select(r => r.Key).ToHashSet();
        ApiContract.NotBuiltYet.Keys.Should().BeSubsetOf(ApiContract.Contract.Select(r => r.Key), "the list names routes of API.md");
        ApiContract.NotBuiltYet.Keys.Where(served.Contains).Should().BeEmpty("a route that is served leaves the list for the access and fuzz tables");
    }

    [Fact]
    public async Task Given_10000_hostile_requests_over_every_route_Then_no_5xx_problems_on_every_4xx_and_refusals_change_nothing()
    {
        var world = await app.NewWorldAsync();
        var routes = Routes();
        var generator = new FuzzRequests(world, Seed);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var (sent, refusedChecked, batchesChecked, batchesWithWrites) = (0, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        var cases = Enumerable.Range(0, Total).Select(i => generator.Next(routes[i % routes.Count])).ToList();
        using var gate = new SemaphoreSlim(6);

        // Writes by callers who may make them: anything may be accepted, so the state is not compared.
        foreach (var batch in cases.Where(c => c.MayWrite).Chunk(BatchSize))
        {
            Record(await SendAsync(world, batch, gate));
            sent += batch.Length;
        }
        var before = await app.Snapshot.QuietAsync();

        // Everything else should be refused (or be a read): batch by batch, the stores must not change.
        foreach (var batch in cases.Where(c => !c.MayWrite).Chunk(BatchSize))
        {
            var answers = await SendAsync(world, batch, gate);
            sent += batch.Length;
            Record(answers);
            if (answers.Any(a => a.Status < 400 && a.Case.Route.Method != "GET" && !Refused(a)))
            {
                batchesWithWrites++;
                before = await app.Snapshot.QuietAsync(); // an accepted write: the next batch starts from its settled state
                continue;
            }
            var changes = StateSnapshot.Changes(before, await app.Snapshot.TakeAsync());
            batchesChecked++;
            refusedChecked += answers.Count(a => a.Status >= 400 || Refused(a));
            if (changes.Count > 0)
            {
                failures.Add($"refused requests changed the state ({string.Join("; ", changes)}): " +
                             string.Join(" | ", answers.Where(a => a.Case.Route.Method != "GET").Select(a => $"{a.Status} {a.Case.Route} as {a.Case.Role} [{a.Case.What}]")));
                before = await app.Snapshot.QuietAsync();
            }
        }

        void Record(IEnumerable<Answer> answers)
        {
            foreach (var a in answers)
            {
                statuses[a.Status] = statuses.GetValueOrDefault(a.Status) + 1;
                if (a.Status >= 500) failures.Add($"{a.Status} for {a.Case.Route} as {a.Case.Role} [{a.Case.What}]: {a.Body[..Math.Min(400, a.Body.Length)]}");
                else if (a.Status >= 400 && a.Type != "application/problem+json")
                    failures.Add($"{a.Status} without problem details ({a.Type}) for {a.Case.Route} as {a.Case.Role} [{a.Case.What}]");
            }
        }

        output.WriteLine($"{sent} requests over {routes.Count} routes in {clock.Elapsed.TotalSeconds:F0} s (seed {Seed}); statuses: " +
                         string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        output.WriteLine($"5xx: {statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}; {refusedChecked} refusals checked for no change in {batchesChecked} batches; " +
                         $"{batchesWithWrites} batches held accepted writes");
        foreach (var failure in failures.Take(40)) output.WriteLine(failure);
        failures.Should().BeEmpty();
        sent.Should().BeGreaterThanOrEqualTo(10_000);
        refusedChecked.Should().BeGreaterThan(3_500, "most hostile requests are refused, and their batches are checked");
        await app.Snapshot.QuietAsync();
        await app.Invariants.CheckAsync();
    }
}
