using System.Text.Json.Nodes;

namespace Marketplace.Economy.Tests.Integration;

/// <summary>General assemblies, their quorum and the surplus they share, through HTTP.</summary>
public sealed class AssemblyTests(EconomyApp app) : IClassFixture<EconomyApp>
{
    [Fact]
    public async Task The_annual_assembly_counts_its_quorum_from_the_members_on_its_day_and_shares_the_surplus_pro_rata_once()
    {
        var (coop, m) = await app.CooperativeWithMembersAsync(("Fadma", "2018-01-01"), ("Itto", "2018-01-01"), ("Aicha", "2019-01-01"),
            ("Zahra", "2025-01-01"), ("Khadija", "2026-04-01"));
        var owner = coop.Owner.Client;
        var basePath = $"/api/cooperatives/{coop.Id}";
        await (await owner.PostJson($"{basePath}/members/{m[2]}/leave", new { leftOn = "2026-01-15" })).ShouldHaveStatus(200);
        await EconomyApp.SupplyAsync(owner, coop.Id, m[0], "2025-03-01", 100m, 1m);
        await EconomyApp.SupplyAsync(owner, coop.Id, m[1], "2025-06-01", 200m, 1m);
        await EconomyApp.SupplyAsync(owner, coop.Id, m[3], "2025-09-01", 300m, 1m);
        await EconomyApp.SupplyAsync(owner, coop.Id, m[3], "2026-01-05", 999m, 1m);

        var assembly = await (await (await owner.PostJson($"{basePath}/assemblies", new
        {
            date = "2026-03-20", kind = "ordinary", present = new[] { m[0] }, represented = new[] { m[1] },
            decisions = new[] { new { text = "Approve the accounts of 2025", @for = 2, against = 0, abstain = 0 } }, minutes = "Held at the cooperative.",
        })).ShouldHaveStatus(201)).Json();
        (assembly["membersOnDate"]!.GetValue<int>(), assembly["quorumRequired"]!.GetValue<int>(), assembly["quorumMet"]!.GetValue<bool>())
            .Should().Be((3, 2, true), "Aicha left in January and Khadija joins in April: three members on the day, half of them rounded up");
        assembly["financialYear"]!.GetValue<int>().Should().Be(2025);
        assembly["decisions"]![0]!["adopted"]!.GetValue<bool>().Should().BeTrue();
        var id = assembly["id"]!.GetValue<Guid>();

        var shared = await (await (await owner.PostJson($"{basePath}/assemblies/{id}/surplus", new { amount = new { amount = 1000m, currency = "MAD" } }))
            .ShouldHaveStatus(200)).Json();
        shared["surplus"]!["shares"]!.AsArray().Select(s => (s!["fullName"]!.GetValue<string>(), s["amount"]!["amount"]!.GetValue<decimal>()))
            .Should().Equal(("Zahra", 500.01m), ("Itto", 333.33m), ("Fadma", 166.66m));
        await (await owner.PostJson($"{basePath}/assemblies/{id}/surplus", new { amount = 1000m })).ShouldBeProblem(409);

        var statement = await owner.ReadJson($"{basePath}/members/{m[3]}/statement?from=2026-01-01&to=2026-12-31");
        var share = statement["surplusShares"]!.AsArray().Single()!;
        (share["amount"]!["amount"]!.GetValue<decimal>(), share["financialYear"]!.GetValue<int>(), share["date"]!.GetValue<string>())
            .Should().Be((500.01m, 2025, "2026-03-20"));
        statement["closing"]!["amount"]!.GetValue<decimal>().Should().Be(300m + 999m + 500.01m);

        var export = await (await owner.GetAsync($"{basePath}/economy/export.csv?year=2026")).ShouldHaveStatus(200);
        var rows = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows.Count(r => r.StartsWith("member,")).Should().Be(5);
        rows.Should().Contain(r => r.StartsWith("assembly,") && r.Contains("2026-03-20,ordinary,1,1,3,yes"));
        rows.Should().Contain(r => r.StartsWith("decision,") && r.Contains("Approve the accounts of 2025,2,0,0,yes"));
        rows.Should().Contain(r => r.StartsWith("total,") && r.EndsWith(",999.00,0.00,1000.00"));
        (await owner.ReadJson($"{basePath}/assemblies"))["items"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task An_assembly_without_quorum_adopts_nothing_shares_nothing_and_bad_attendance_is_refused()
    {
        var (coop, m) = await app.CooperativeWithMembersAsync(("A", "2018-01-01"), ("B", "2018-01-01"), ("C", "2018-01-01"), ("D", "2026-06-01"));
        var owner = coop.Owner.Client;
        var url = $"/api/cooperatives/{coop.Id}/assemblies";
        await (await owner.PostJson(url, new { date = "2026-03-01", kind = "ordinary", present = new[] { m[0] }, represented = new[] { m[0] } }))
            .ShouldBeValidationProblem("represented");
        await (await owner.PostJson(url, new { date = "2026-03-01", kind = "ordinary", present = new[] { m[3] } })).ShouldBeValidationProblem("present");
        await (await owner.PostJson(url, new { date = "2026-03-01", kind = "annual", present = Array.Empty<Guid>() })).ShouldBeValidationProblem("kind");
        await (await owner.PostJson(url, new { date = "2026-03-01", kind = "ordinary", present = new[] { m[0] },
            decisions = new[] { new { text = "x", @for = 2, against = 0, abstain = 0 } } })).ShouldBeValidationProblem("decisions");

        var weak = await (await (await owner.PostJson(url, new { date = "2026-03-01", kind = "ordinary", present = new[] { m[0] },
            decisions = new[] { new { text = "Approve", @for = 1, against = 0, abstain = 0 } } })).ShouldHaveStatus(201)).Json();
        weak["quorumMet"]!.GetValue<bool>().Should().BeFalse();
        weak["decisions"]![0]!["adopted"]!.GetValue<bool>().Should().BeFalse();
        await (await owner.PostJson($"{url}/{weak["id"]}/surplus", new { amount = 100 })).ShouldBeProblem(422);

        await (await owner.PutJson($"/api/cooperatives/{coop.Id}/economy/settings", new { ordinaryQuorum = 0.3, shareValue = new { amount = 100, currency = "MAD" } }))
            .ShouldHaveStatus(200);
        var enough = await (await (await owner.PostJson(url, new { date = "2026-03-02", kind = "ordinary", present = new[] { m[0] } })).ShouldHaveStatus(201)).Json();
        enough["quorumMet"]!.GetValue<bool>().Should().BeTrue("the cooperative's rule is now 30%");
        await (await owner.PostJson($"{url}/{enough["id"]}/surplus", new { amount = 100 })).ShouldBeProblem(422); // nobody supplied in 2025
        await (await owner.PutJson($"/api/cooperatives/{coop.Id}/economy/settings", new { ordinaryQuorum = 1.5 })).ShouldBeValidationProblem("ordinaryQuorum");

        var stranger = await app.NewShopperAsync();
        await (await stranger.Client.PostJson(url, new { date = "2026-03-01", kind = "ordinary" })).ShouldBeProblem(403);
        await (await stranger.Client.GetAsync(url)).ShouldBeProblem(403);
        await (await (await app.AdminAsync()).Client.GetAsync($"{url}/{weak["id"]}")).ShouldBeProblem(403);
        await (await owner.GetAsync($"{url}/{Guid.NewGuid()}")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Two_staff_sharing_the_surplus_at_once_share_it_once()
    {
        var (coop, m) = await app.CooperativeWithMembersAsync(("A", "2018-01-01"), ("B", "2018-01-01"));
        var owner = coop.Owner.Client;
        await EconomyApp.SupplyAsync(owner, coop.Id, m[0], "2025-05-01", 10m, 10m);
        await EconomyApp.SupplyAsync(owner, coop.Id, m[1], "2025-05-01", 30m, 10m);
        var id = (await (await (await owner.PostJson($"/api/cooperatives/{coop.Id}/assemblies",
            new { date = "2026-02-01", kind = "ordinary", present = m })).ShouldHaveStatus(201)).Json())["id"];
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => owner.PostJson($"/api/cooperatives/{coop.Id}/assemblies/{id}/surplus", new { amount = 400 })));
        answers.Select(a => (int)a.StatusCode).Should().BeEquivalentTo([200, 409, 409, 409]);
        var balances = await owner.ReadJson($"/api/cooperatives/{coop.Id}/members/balances");
        balances["members"]!.AsArray().Sum(b => b!["surplus"]!["amount"]!.GetValue<decimal>()).Should().Be(400m);
    }
}
