namespace Marketplace.Cooperatives.Tests.Integration;

[Collection(CooperativesCollection.Name)]
public sealed class DirectoryTests(CooperativesApp app)
{
    /// <summary>A sector of this test alone, so that the shared database's other cooperatives stay out of its lists.</summary>
    private static string NewSector() => $"s{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Given_cooperatives_in_every_status_Then_everyone_lists_only_the_verified_and_admins_list_by_status()
    {
        var sector = NewSector();
        var application = () => Api.Application(sectors: [sector]);
        var (_, pending) = await app.PendingAsync(application());
        var (_, verified) = await app.VerifiedAsync(application());
        var (_, suspended) = await app.VerifiedAsync(application());
        var admin = await app.AdminAsync();
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{suspended}/suspend")).ShouldHaveStatus(200);
        var shopper = await app.NewShopperAsync();

        (await app.Anonymous().GetJson($"/api/cooperatives?sector={sector}")).Ids().Should().Equal(verified);
        (await shopper.Client.GetJson($"/api/cooperatives?sector={sector}&status=pending")).Ids().Should().Equal(verified);
        (await admin.Client.GetJson($"/api/cooperatives?sector={sector}")).Ids().Should().Equal(verified);
        (await admin.Client.GetJson($"/api/cooperatives?sector={sector}&status=pending")).Ids().Should().Equal(pending);
        (await admin.Client.GetJson($"/api/cooperatives?sector={sector}&status=suspended")).Ids().Should().Equal(suspended);
        await (await admin.Client.GetAsync("/api/cooperatives?status=closed")).ShouldBeValidationProblem("status");
    }

    [Fact]
    public async Task Given_verified_cooperatives_When_filtering_by_province_sector_and_text_Then_only_the_matching_ones()
    {
        var sector = NewSector();
        var (_, argan) = await app.VerifiedAsync(Api.Application(province: "taroudant", sectors: [sector, "argan"],
            name: new { fr = "Coopérative Féminine Tamount", ar = "تعاونية تامونت" }));
        var (_, saffron) = await app.VerifiedAsync(Api.Application(province: "taroudant", sectors: [sector, "saffron"],
            name: new { fr = "Safran de Taliouine", en = "Taliouine Saffron" }, description: new { ar = "زعفران تالوين" }));
        var (_, silver) = await app.VerifiedAsync(Api.Application(province: "tiznit", sectors: [sector, "silver"],
            name: new { fr = "Bijoux d'argent de Tiznit" }));
        var anyone = app.Anonymous();

        (await anyone.GetJson($"/api/cooperatives?sector={sector}")).Ids().Should().Equal(argan, saffron, silver);
        (await anyone.GetJson($"/api/cooperatives?sector={sector}&province=taroudant")).Ids().Should().Equal(argan, saffron);
        (await anyone.GetJson($"/api/cooperatives?sector={sector.ToUpperInvariant()}&province=tiznit")).Ids().Should().Equal(silver);
        (await anyone.GetJson($"/api/cooperatives?sector=saffron&q=taliouine")).Ids().Should().Contain(saffron).And.NotContain(argan);
        (await anyone.GetJson($"/api/cooperatives?sector={sector}&q=FEMININE")).Ids().Should().Equal(argan);
        (await anyone.GetJson($"/api/cooperatives?sector={sector}&q=زعفران")).Ids().Should().Equal(saffron);
        (await anyone.GetJson($"/api/cooperatives?sector={sector}&q=nothing-like-this")).Ids().Should().BeEmpty();
        await (await anyone.GetAsync("/api/cooperatives?province=casablanca")).ShouldBeValidationProblem("province");
    }

    [Fact]
    public async Task Given_many_cooperatives_When_paging_Then_items_total_page_and_page_size()
    {
        var sector = NewSector();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add((await app.VerifiedAsync(Api.Application(sectors: [sector]))).Id);

        var first = await app.Anonymous().GetJson($"/api/cooperatives?sector={sector}&page=1&pageSize=2");
        var second = await app.Anonymous().GetJson($"/api/cooperatives?sector={sector}&page=2&pageSize=2");

        first["total"]!.GetValue<int>().Should().Be(3);
        first["page"]!.GetValue<int>().Should().Be(1);
        first["pageSize"]!.GetValue<int>().Should().Be(2);
        first.Ids().Concat(second.Ids()).Should().Equal(ids);
        await (await app.Anonymous().GetAsync("/api/cooperatives?pageSize=101")).ShouldBeValidationProblem("pageSize");
    }

    [Fact]
    public async Task Given_a_language_When_listing_Then_names_in_it_or_in_another_the_cooperative_has_and_the_province_in_every_language()
    {
        var sector = NewSector();
        var (_, id) = await app.VerifiedAsync(Api.Application(sectors: [sector], name: new { ar = "تعاونية الأمل", fr = "Coopérative Al Amal" },
            description: new { fr = "Miel de montagne" }));
        var client = app.Anonymous();

        var arabic = (await client.GetJson($"/api/cooperatives?sector={sector}&lang=ar"))["items"]![0]!;
        arabic["name"]!.GetValue<string>().Should().Be("تعاونية الأمل");
        arabic["description"]!.GetValue<string>().Should().Be("Miel de montagne", "falls back to a language it has");
        arabic["province"]!.GetValue<string>().Should().Be("taroudant");
        arabic["provinceName"]!["fr"]!.GetValue<string>().Should().Be("Taroudant");
        arabic["provinceName"]!["zgh"]!.GetValue<string>().Should().Be("ⵜⴰⵔⵓⴷⴰⵏⵜ");

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB, fr;q=0.5");
        var english = (await client.GetJson($"/api/cooperatives?sector={sector}"))["items"]![0]!;
        english["name"]!.GetValue<string>().Should().Be("Coopérative Al Amal", "no English name: French next");
        (await client.GetJson($"/api/cooperatives/{id}?lang=ar"))["name"]!.GetValue<string>().Should().Be("تعاونية الأمل");
    }

    [Fact]
    public async Task Given_a_pending_or_suspended_cooperative_Then_only_its_staff_and_admins_see_its_profile()
    {
        var (owner, pending) = await app.PendingAsync();
        var staff = await app.NewStaffAsync(owner, pending);
        var stranger = await app.NewShopperAsync();
        var admin = await app.AdminAsync();

        await (await app.Anonymous().GetAsync($"/api/cooperatives/{pending}")).ShouldBeProblem(404);
        await (await stranger.Client.GetAsync($"/api/cooperatives/{pending}")).ShouldBeProblem(404);
        await owner.Client.GetJson($"/api/cooperatives/{pending}");
        await staff.Client.GetJson($"/api/cooperatives/{pending}");
        await admin.Client.GetJson($"/api/cooperatives/{pending}");

        await (await admin.Client.PostJson($"/api/admin/cooperatives/{pending}/verify")).ShouldHaveStatus(200);
        (await app.Anonymous().GetJson($"/api/cooperatives/{pending}"))["status"]!.GetValue<string>().Should().Be("verified");
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{pending}/suspend")).ShouldHaveStatus(200);
        await (await stranger.Client.GetAsync($"/api/cooperatives/{pending}")).ShouldBeProblem(404);
        (await staff.Client.GetJson($"/api/cooperatives/{pending}"))["status"]!.GetValue<string>().Should().Be("suspended");
        await (await app.Anonymous().GetAsync($"/api/cooperatives/{Guid.NewGuid()}")).ShouldBeProblem(404);
    }
}
