using System.Diagnostics;

namespace Marketplace.Demo.Tests;

/// <summary>Seeding again, at each start of run.sh, changes nothing, and is quick.</summary>
[Collection(SeededCollection.Name)]
public sealed class SeedIdempotenceTests(SeededApp app)
{
    [Fact]
    public async Task Given_the_seeded_platform_When_seeding_again_Then_the_marker_answers_quickly_and_nothing_changes()
    {
        var before = await app.CountsAsync();
        var sample = (await app.AllItemsAsync(app.Anonymous(), "/api/products"))[^1]["id"]!.GetValue<Guid>();
        var sampleBefore = (await (await app.Anonymous().GetAsync($"/api/products/{sample}")).Json()).ToJsonString();
        var adminId = (await app.AdminAsync()).Id;

        var clock = Stopwatch.StartNew();
        var again = await app.WithSeederAsync(s => s.SeedAsync(adminId, CancellationToken.None));
        clock.Stop();

        again.Should().BeEquivalentTo(new { AlreadySeeded = true, CooperativesAdded = 0, ProductsAdded = 0 });
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a seeded platform is recognised by one marker");
        (await app.CountsAsync()).Should().Be(before);
        (await (await app.Anonymous().GetAsync($"/api/products/{sample}")).Json()).ToJsonString().Should().Be(sampleBefore);
        var fairs = (await (await app.Anonymous().GetAsync("/api/fairs")).Json()).AsArray().Where(f => f!["name"]!.GetValue<string>() == DemoFair.Name).ToList();
        fairs.Should().ContainSingle("the demo fair is made once");
        fairs[0]!["exhibitors"]!.GetValue<int>().Should().Be(DemoCatalogue.Cooperatives + 3, "its list imported again changes nothing");
    }

    [Fact]
    public async Task Given_the_seeded_platform_When_every_step_runs_again_Then_each_finds_its_result_and_adds_nothing()
    {
        var before = await app.CountsAsync();
        var adminId = (await app.AdminAsync()).Id;

        var again = await app.WithSeederAsync(s => s.LoadAsync(adminId, CancellationToken.None));

        again.Should().BeEquivalentTo(new
        {
            Cooperatives = DemoCatalogue.Cooperatives, CooperativesAdded = 0, Products = DemoCatalogue.Products, ProductsAdded = 0,
        });
        (await app.CountsAsync()).Should().Be(before);
        before.Should().Be(((long)DemoCatalogue.Cooperatives, 0L, 0L, (long)DemoCatalogue.Products));
    }

    [Fact]
    public async Task Given_the_seeded_members_economy_When_it_is_ensured_again_Then_nothing_is_recorded_twice()
    {
        var owner = await app.SignedInClientAsync(DemoAccounts.OwnerEmail, DemoAccounts.OwnerPassword);
        var cooperativeId = (await (await owner.GetAsync("/api/accounts/me")).Json())["cooperativeIds"]![0]!.GetValue<Guid>();
        async Task<string> Books() => (await owner.GetStringAsync($"/api/cooperatives/{cooperativeId}/members/balances"))
            + await owner.GetStringAsync($"/api/cooperatives/{cooperativeId}/assemblies");
        var before = await Books();

        await app.WithAsync<DemoMembers, bool>(async m => { await m.EnsureAsync(CancellationToken.None); return true; });

        (await Books()).Should().Be(before);
    }
}

/// <summary>Two Hosts that start at the same moment on an empty platform load the demo data once.</summary>
public sealed class ConcurrentSeedTests
{
    [Fact]
    public async Task Given_two_Hosts_seeding_at_the_same_moment_Then_one_loads_the_data_the_other_waits_and_finds_it()
    {
        var app = new DemoApp(seedAtStart: false);
        await app.InitializeAsync();
        try { await OneLoadsTheOtherWaitsAsync(app); }
        finally { await app.DisposeAsync(); }
    }

    private static async Task OneLoadsTheOtherWaitsAsync(DemoApp app)
    {
        (await app.CountsAsync()).Should().Be((0L, 0L, 0L, 0L), "without MARKETPLACE_SEED_DEMO=1 nothing is seeded");
        var adminId = (await app.AdminAsync()).Id;

        var reports = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => app.WithSeederAsync(s => s.SeedAsync(adminId, CancellationToken.None)))));

        reports.Select(r => r.AlreadySeeded).Should().BeEquivalentTo(new[] { false, true });
        reports.Single(r => !r.AlreadySeeded).Should().BeEquivalentTo(new
        {
            CooperativesAdded = DemoCatalogue.Cooperatives, ProductsAdded = DemoCatalogue.Products,
        });
        (await app.CountsAsync()).Should().Be(((long)DemoCatalogue.Cooperatives, 0L, 0L, (long)DemoCatalogue.Products));
    }

    [Fact]
    public async Task Given_two_loaders_racing_without_the_lock_Then_every_step_still_makes_each_cooperative_and_product_once()
    {
        var app = new DemoApp(seedAtStart: false);
        await app.InitializeAsync();
        try { await EachStepMakesItsResultOnceAsync(app); }
        finally { await app.DisposeAsync(); }
    }

    private static async Task EachStepMakesItsResultOnceAsync(DemoApp app)
    {
        var adminId = (await app.AdminAsync()).Id;

        var reports = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => app.WithSeederAsync(s => s.LoadAsync(adminId, CancellationToken.None)))));

        reports.Sum(r => r.CooperativesAdded).Should().Be(DemoCatalogue.Cooperatives);
        reports.Sum(r => r.ProductsAdded).Should().Be(DemoCatalogue.Products);
        (await app.CountsAsync()).Should().Be(((long)DemoCatalogue.Cooperatives, 0L, 0L, (long)DemoCatalogue.Products));
        (await app.WithSeederAsync(s => s.IsCompleteAsync(CancellationToken.None))).Should().BeTrue();
    }
}
