using Marketplace.BuildingBlocks;

namespace Marketplace.Demo.Tests;

/// <summary>What the shop shows once the demo data is loaded at start (MARKETPLACE_SEED_DEMO=1), over HTTP.</summary>
[Collection(SeededCollection.Name)]
public sealed class DemoDataTests(SeededApp app)
{
    [Fact]
    public async Task Given_the_demo_data_Then_at_least_20_verified_cooperatives_cover_the_six_provinces()
    {
        var cooperatives = await app.AllItemsAsync(app.Anonymous(), "/api/cooperatives");

        cooperatives.Should().HaveCountGreaterThanOrEqualTo(20).And.HaveCount(DemoCatalogue.Cooperatives);
        cooperatives.Select(c => c["status"]!.GetValue<string>()).Should().OnlyContain(s => s == "verified");
        cooperatives.Select(c => c["province"]!.GetValue<string>()).Distinct().Should().BeEquivalentTo(Provinces.All.Select(p => p.Code));
        var arabic = await app.AllItemsAsync(app.Anonymous(), "/api/cooperatives?lang=ar");
        arabic.Select(c => c["name"]!.GetValue<string>()).Should().OnlyContain(n => n.StartsWith("تعاونية"));
    }

    [Fact]
    public async Task Given_the_demo_data_Then_at_least_150_published_products_fill_every_category_in_three_languages()
    {
        var products = await app.AllItemsAsync(app.Anonymous(), "/api/products");

        products.Should().HaveCountGreaterThanOrEqualTo(150).And.HaveCount(DemoCatalogue.Products);
        products.Select(p => p["id"]!.GetValue<Guid>()).Should().OnlyHaveUniqueItems();
        products.Should().OnlyContain(p => p["price"]!["currency"]!.GetValue<string>() == "MAD" && p["price"]!["amount"]!.GetValue<decimal>() > 0);
        products.Should().OnlyContain(p => p["available"]!.GetValue<bool>() && p["stock"]!.GetValue<int>() > 0);
        products.Select(p => p["province"]!.GetValue<string>()).Distinct().Should().HaveCount(6);

        var categories = (await (await app.Anonymous().GetAsync("/api/categories")).Json()).AsArray().Select(c => c!["code"]!.GetValue<string>());
        foreach (var category in categories)
        {
            var inCategory = await (await app.Anonymous().GetAsync($"/api/products?category={category}")).Json();
            inCategory["total"]!.GetValue<long>().Should().BePositive("the demo has products of category {0}", category);
        }

        var details = await (await app.Anonymous().GetAsync($"/api/products/{products[0]["id"]}")).Json();
        details["translations"]!["name"]!.AsObject().Select(l => l.Key).Should().Contain(["ar", "fr", "en"]);
        details["translations"]!["description"]!.AsObject().Select(l => l.Key).Should().Contain(["ar", "fr", "en"]);
        details["status"]!.GetValue<string>().Should().Be("published");
    }

    [Fact]
    public async Task Every_demo_product_shows_a_picture_of_its_kind_and_a_category_page_does_not_repeat_one_picture()
    {
        var products = await app.AllItemsAsync(app.Anonymous(), "/api/products");

        foreach (var p in products)
            p["imageUrl"]!.GetValue<string>().Should().StartWith($"/api/pictures/{Marketplace.Catalogue.Contracts.Pictures.KindOf(p["category"]!.GetValue<string>())}-");
        foreach (var category in products.GroupBy(p => p["category"]!.GetValue<string>()).Where(g => g.Count() >= 6))
            category.Select(p => p["imageUrl"]!.GetValue<string>()).Distinct().Should().HaveCountGreaterThan(1, "{0} shows more than one colouring", category.Key);
        foreach (var url in products.Select(p => p["imageUrl"]!.GetValue<string>()).Distinct())
            await (await app.Anonymous().GetAsync(url)).ShouldHaveStatus(200);
    }

    [Theory]
    [InlineData("argan", "ar")]
    [InlineData("أركان", "ar")]
    [InlineData("الاركان", "fr")]
    [InlineData("safran", "fr")]
    [InlineData("honey", "en")]
    public async Task A_shopper_finds_demo_products_by_name_in_any_language(string q, string lang)
    {
        var found = await (await app.Anonymous().GetAsync($"/api/products?q={Uri.EscapeDataString(q)}&lang={lang}")).Json();
        found["total"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task The_demo_owner_signs_in_and_is_staff_of_a_verified_cooperative_with_its_listings()
    {
        var owner = await app.SignedInClientAsync(DemoAccounts.OwnerEmail, DemoAccounts.OwnerPassword);
        var me = await (await owner.GetAsync("/api/accounts/me")).Json();
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("cooperative_staff");
        var cooperativeId = me["cooperativeIds"]!.AsArray().Should().ContainSingle().Subject!.GetValue<Guid>();

        var profile = await (await (await app.Anonymous().GetAsync($"/api/cooperatives/{cooperativeId}?lang=fr")).ShouldHaveStatus(200)).Json();
        (profile["name"]!.GetValue<string>(), profile["status"]!.GetValue<string>()).Should().Be((DemoCatalogue.All[0].NameFr, "verified"));
        var listings = await (await (await owner.GetAsync($"/api/cooperatives/{cooperativeId}/products")).ShouldHaveStatus(200)).Json();
        listings["total"]!.GetValue<long>().Should().Be(DemoCatalogue.ProductsOf(DemoCatalogue.All[0]).Count());
        var stranger = (await app.NewShopperAsync()).Client;
        await (await stranger.GetAsync($"/api/cooperatives/{cooperativeId}/products")).ShouldBeProblem(403);
    }

    [Fact]
    public async Task The_demo_cooperative_runs_its_members_economy_and_the_demo_member_reads_her_statement()
    {
        var owner = await app.SignedInClientAsync(DemoAccounts.OwnerEmail, DemoAccounts.OwnerPassword);
        var cooperativeId = (await (await owner.GetAsync("/api/accounts/me")).Json())["cooperativeIds"]![0]!.GetValue<Guid>();
        var balances = await (await (await owner.GetAsync($"/api/cooperatives/{cooperativeId}/members/balances")).ShouldHaveStatus(200)).Json();
        balances["members"]!.AsArray().Should().HaveCount(8);
        balances["members"]!.AsArray().Should().OnlyContain(m => m!["supplied"]!["amount"]!.GetValue<decimal>() > 0);
        balances["totalOwed"]!["amount"]!.GetValue<decimal>().Should().BePositive("the last month's supplies are not paid yet");
        var assembly = (await (await owner.GetAsync($"/api/cooperatives/{cooperativeId}/assemblies")).Json())["items"]!.AsArray().Should().ContainSingle().Subject!;
        (assembly["quorumMet"]!.GetValue<bool>(), assembly["surplus"]!["amount"]!["amount"]!.GetValue<decimal>()).Should().Be((true, 12_000m));

        var member = await app.SignedInClientAsync(DemoAccounts.MemberEmail, DemoAccounts.MemberPassword);
        var mine = (await (await member.GetAsync("/api/accounts/me/memberships")).Json())["items"]!.AsArray().Should().ContainSingle().Subject!;
        var statement = await (await (await member.GetAsync(
            $"/api/cooperatives/{cooperativeId}/members/{mine["memberId"]}/statement?from=2000-01-01&to=2100-12-31")).ShouldHaveStatus(200)).Json();
        statement["supplies"]!.AsArray().Should().Contain(s => s!["reverses"] != null, "her first supply was recorded wrong and reversed");
        statement["surplusShares"]!.AsArray().Should().ContainSingle();
        statement["closing"]!["amount"]!.GetValue<decimal>().Should().Be(mine["balance"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_demo_labels_are_certified_each_linking_to_its_verified_certificate()
    {
        var found = await Poll.UntilAsync(async () => (await (await app.Anonymous().GetAsync("/api/products?label=IGP&pageSize=100")).Json())["items"]!.AsArray(),
            items => items.Count > 0, what: "demo products whose IGP a certificate stands behind");
        var label = found[0]!["labels"]!.AsArray().First(l => l!["code"]!.GetValue<string>() == "IGP")!;
        var certificate = await (await (await app.Anonymous().GetAsync($"/api/certificates/{label["certificateId"]}")).ShouldHaveStatus(200)).Json();
        (certificate["status"]!.GetValue<string>(), certificate["kind"]!.GetValue<string>()).Should().Be(("verified", "igp"));
    }

    [Fact]
    public async Task The_demo_shopper_signs_in_as_a_shopper()
    {
        var shopper = await app.SignedInClientAsync(DemoAccounts.ShopperEmail, DemoAccounts.ShopperPassword);
        var me = await (await shopper.GetAsync("/api/accounts/me")).Json();
        me["email"]!.GetValue<string>().Should().Be(DemoAccounts.ShopperEmail);
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("shopper");
        me["cooperativeIds"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task The_demo_shopper_has_an_order_of_the_demo_cooperative_delivered_and_its_page_invites_her_to_review_it()
    {
        var shopper = await app.SignedInClientAsync(DemoAccounts.ShopperEmail, DemoAccounts.ShopperPassword);
        var orders = (await (await shopper.GetAsync("/api/orders")).Json())["items"]!.AsArray();
        var order = orders.Should().ContainSingle().Subject!;
        var sub = order["subOrders"]!.AsArray().Should().ContainSingle().Subject!;
        sub["status"]!.GetValue<string>().Should().Be("delivered");
        sub["lines"]!.AsArray().Should().HaveCount(2);

        var page = await Poll.UntilAsync(async () => await (await shopper.GetAsync($"/orders/{order["id"]}")).Content.ReadAsStringAsync(),
            html => html.Contains("data-write-review"), what: "the order page's invitation to review");
        page.Split("data-write-review").Should().HaveCount(4, "each of the two products and the cooperative");
    }

    [Fact]
    public async Task The_accounts_file_lists_the_demo_accounts_in_the_layout_of_run_sh_and_they_sign_in()
    {
        var lines = await File.ReadAllLinesAsync(app.AccountsFile);

        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("demo owner      " + DemoAccounts.OwnerEmail + " / ");
        lines[1].Should().StartWith("demo shopper    " + DemoAccounts.ShopperEmail + " / ");
        lines[2].Should().StartWith("demo member     " + DemoAccounts.MemberEmail + " / ");
        foreach (var line in lines)
        {
            var credentials = line[16..].Split("   ")[0].Split(" / ");
            await app.SignedInClientAsync(credentials[0], credentials[1]);
        }
    }

    [Fact]
    public void The_demo_loader_goes_through_the_modules_contracts_only() =>
        typeof(DemoSeeder).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Marketplace.") && n != "Marketplace.BuildingBlocks")
            .Should().OnlyContain(n => n.EndsWith(".Contracts"), "demo data is loaded through the same commands as the API");

    [Fact]
    public async Task The_demo_fair_shows_the_demo_cooperatives_on_their_stands_and_invites_the_exhibitors_not_yet_on_the_platform()
    {
        var fair = (await (await app.Anonymous().GetAsync("/api/fairs")).Json()).AsArray().Single(f => f!["name"]!.GetValue<string>() == DemoFair.Name)!;
        var exhibitors = (await (await app.Anonymous().GetAsync($"/api/fairs/{fair["id"]}")).Json())["exhibitors"]!.AsArray();
        exhibitors.Count(e => e!["cooperativeId"] is not null).Should().Be(DemoCatalogue.Cooperatives);
        exhibitors.Where(e => e!["cooperativeId"] is null).Select(e => e!["stand"]!.GetValue<string>()).Should().BeEquivalentTo(["D1", "D2", "D3"]);
        var admin = (await app.AdminAsync()).Client;
        (await (await admin.GetAsync($"/api/admin/fairs/{fair["id"]}")).Json())["exhibitors"]!.AsArray()
            .Where(e => e!["cooperativeId"] is null).Should().OnlyContain(e => e!["invitedAt"] != null);
    }

    [Fact]
    public async Task Three_demo_cooperatives_host_visits_with_dates_to_book_in_the_coming_weeks()
    {
        var experiences = (await (await app.Anonymous().GetAsync("/api/experiences?pageSize=50")).Json())["items"]!.AsArray();
        experiences.Should().HaveCountGreaterThanOrEqualTo(3);
        experiences.Should().OnlyContain(e => e!["slots"]!.AsArray().Any(s => s!["bookable"]!.GetValue<bool>()));
        experiences.Select(e => e!["titles"]!["fr"]!.GetValue<string>()).Should().Contain("Récolte du safran à Taliouine");
    }
}
