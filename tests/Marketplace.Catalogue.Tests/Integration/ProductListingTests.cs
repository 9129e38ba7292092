using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalogue.Contracts;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>Listings over HTTP: create, read, edit with a version, publish, stock, the shop's answers and languages.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ProductListingTests(CatalogueApp app)
{
    private static string Products(Cooperatives.TestCooperative c) => $"/api/cooperatives/{c.Id}/products";

    [Fact]
    public async Task Given_staff_of_a_verified_cooperative_When_listing_a_product_Then_it_is_a_draft_seen_by_staff_only_until_published()
    {
        var cooperative = await app.NewCooperativeAsync();
        var created = await cooperative.Owner.Client.PostJson(Products(cooperative), Cooperatives.ProductBody(stock: 12, price: 180.50m));
        await created.ShouldHaveStatus(201);
        var body = await created.Json();
        body["status"]!.GetValue<string>().Should().Be("draft");
        var id = body["id"]!.GetValue<Guid>();
        created.Headers.Location!.ToString().Should().Be($"/api/products/{id}");

        await (await app.Anonymous().GetAsync($"/api/products/{id}")).ShouldBeProblem(404);
        var draft = await cooperative.Owner.Client.DetailsAsync(id);
        (draft["status"]!.GetValue<string>(), draft["version"]!.GetValue<long>(), draft["stock"]!.GetValue<int>()).Should().Be(("draft", 1L, 12));

        await (await cooperative.Owner.Client.PostJson($"{Products(cooperative)}/{id}/publish")).ShouldHaveStatus(200);

        var details = await app.Anonymous().DetailsAsync(id, "fr");
        details["name"]!.GetValue<string>().Should().Be("Huile d'argan alimentaire");
        details["price"]!["amount"]!.GetValue<decimal>().Should().Be(180.50m);
        details["price"]!["currency"]!.GetValue<string>().Should().Be("MAD");
        (details["stock"]!.GetValue<int>(), details["unit"]!.GetValue<string>()).Should().Be((12, "bottle 250 ml"));
        details["labels"]!.AsArray().Should().BeEmpty("IGP is declared, and no certificate stands behind it yet");
        details["foodSafetyNumber"]!.GetValue<string>().Should().Be("ONSSA 12.34.567");
        details["province"]!.GetValue<string>().Should().Be("taroudant");
        details["provinceName"]!["ar"]!.GetValue<string>().Should().Be("تارودانت");
        details["cooperative"]!["id"]!.GetValue<Guid>().Should().Be(cooperative.Id);
        details["cooperative"]!["name"]!.GetValue<string>().Should().Be("Coopérative Tifaouine");
        details["translations"]!["name"]!["en"]!.GetValue<string>().Should().Be("Culinary argan oil");

        var shop = await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}")).Json();
        (shop["total"]!.GetValue<long>(), shop["page"]!.GetValue<int>(), shop["pageSize"]!.GetValue<int>()).Should().Be((1L, 1, 20));
        var item = shop["items"]![0]!;
        item["id"]!.GetValue<Guid>().Should().Be(id);
        item["name"]!.GetValue<string>().Should().Be("Huile d'argan alimentaire");
        item["price"]!["amount"]!.GetValue<decimal>().Should().Be(180.50m);
        item["unit"]!.GetValue<string>().Should().Be("bottle 250 ml");
        item["cooperative"]!["name"]!.GetValue<string>().Should().Be("Coopérative Tifaouine");
        item["labels"]!.AsArray().Should().BeEmpty();
        item["available"]!.GetValue<bool>().Should().BeTrue();
        item["stock"]!.GetValue<int>().Should().Be(12);
        item.AsObject().ContainsKey("inStock").Should().BeFalse("available says it once");
    }

    [Fact]
    public async Task Answers_are_in_the_asked_language_with_a_fallback_when_the_product_lacks_it()
    {
        var cooperative = await app.NewCooperativeAsync();
        var argan = await cooperative.NewProductAsync();
        var tagine = await cooperative.NewProductAsync(Cooperatives.ProductBody(category: "pottery", name: new { fr = "Tajine en terre cuite" }, labels: [],
            foodSafetyNumber: null));

        (await app.Anonymous().DetailsAsync(argan, "ar"))["name"]!.GetValue<string>().Should().Be("زيت الأركان الغذائي");
        (await app.Anonymous().DetailsAsync(tagine, "ar"))["name"]!.GetValue<string>().Should().Be("Tajine en terre cuite");
        var english = app.Anonymous();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB, fr;q=0.5");
        (await english.DetailsAsync(argan))["name"]!.GetValue<string>().Should().Be("Culinary argan oil");
        var shop = await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}&lang=ar&sort=price")).Json();
        shop["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Should().BeEquivalentTo("زيت الأركان الغذائي", "Tajine en terre cuite");
    }

    [Fact]
    public async Task Given_a_version_When_two_editors_save_with_it_Then_the_first_wins_and_the_second_gets_409_and_changes_nothing()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync();
        var version = (await cooperative.Owner.Client.DetailsAsync(id))["version"]!.GetValue<long>();

        var first = await cooperative.Owner.Client.PutJson($"{Products(cooperative)}/{id}", WithVersion(Cooperatives.ProductBody(price: 200m), version));
        var second = await cooperative.Owner.Client.PutJson($"{Products(cooperative)}/{id}", WithVersion(Cooperatives.ProductBody(price: 150m), version));

        var edited = await (await first.ShouldHaveStatus(200)).Json();
        edited["version"]!.GetValue<long>().Should().Be(version + 1);
        (await second.ShouldBeProblem(409))["code"]!.GetValue<string>().Should().Be("stale_version");
        var now = await app.Anonymous().DetailsAsync(id);
        (now["price"]!["amount"]!.GetValue<decimal>(), now["version"]!.GetValue<long>()).Should().Be((200m, version + 1));
    }

    [Fact]
    public async Task Given_one_version_When_editors_save_at_the_same_moment_Then_exactly_one_succeeds()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            cooperative.Owner.Client.PutJson($"{Products(cooperative)}/{id}", WithVersion(Cooperatives.ProductBody(price: 100m + i), 1))));
        responses.Count(r => (int)r.StatusCode == 200).Should().Be(1);
        responses.Count(r => (int)r.StatusCode == 409).Should().Be(5);
        (await app.Anonymous().DetailsAsync(id))["version"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task Publish_and_unpublish_show_and_hide_the_product_in_the_shop()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync();
        async Task<long> InShop() => (await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}")).Json())["total"]!.GetValue<long>();
        (await InShop()).Should().Be(1);

        var unpublished = await cooperative.Owner.Client.PostJson($"{Products(cooperative)}/{id}/unpublish");
        (await (await unpublished.ShouldHaveStatus(200)).Json())["status"]!.GetValue<string>().Should().Be("draft");
        (await InShop()).Should().Be(0);
        await (await app.Anonymous().GetAsync($"/api/products/{id}")).ShouldBeProblem(404);

        await (await cooperative.Owner.Client.PostJson($"{Products(cooperative)}/{id}/publish")).ShouldHaveStatus(200);
        (await InShop()).Should().Be(1);
    }

    [Fact]
    public async Task Setting_the_stock_sets_the_quantity_on_hand_and_the_shop_shows_what_can_be_bought()
    {
        var cooperative = await app.NewCooperativeAsync();
        var staff = await app.NewStaffAsync(cooperative);
        var id = await cooperative.NewProductAsync(Cooperatives.ProductBody(stock: 3));

        var set = await staff.Client.PutJson($"{Products(cooperative)}/{id}/stock", new { quantity = 40 });

        (await (await set.ShouldHaveStatus(200)).Json())["stock"]!.GetValue<int>().Should().Be(40);
        (await app.Anonymous().DetailsAsync(id))["stock"]!.GetValue<int>().Should().Be(40);
        await (await staff.Client.PutJson($"{Products(cooperative)}/{id}/stock", new { quantity = -1 })).ShouldBeValidationProblem("quantity");
        await (await staff.Client.PutJson($"{Products(cooperative)}/{id}/stock", new { })).ShouldBeValidationProblem("quantity");
        (await app.Anonymous().DetailsAsync(id))["stock"]!.GetValue<int>().Should().Be(40);
    }

    [Fact]
    public async Task Given_units_held_by_checkouts_or_none_on_hand_Then_the_shop_lists_the_product_as_not_available_with_a_stock_of_zero()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync(Cooperatives.ProductBody(stock: 3));
        async Task<(bool, int)> Listed()
        {
            var item = (await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}")).Json())["items"]![0]!;
            item["id"]!.GetValue<Guid>().Should().Be(id);
            return (item["available"]!.GetValue<bool>(), item["stock"]!.GetValue<int>());
        }
        (await Listed()).Should().Be((true, 3));

        (await app.SendAsync(new ReserveStock(Guid.CreateVersion7(), [new StockLine(id, 2)]))).Succeeded.Should().BeTrue();
        (await Listed()).Should().Be((true, 1), "what can be bought now is on hand minus reserved");
        (await app.SendAsync(new ReserveStock(Guid.CreateVersion7(), [new StockLine(id, 1)]))).Succeeded.Should().BeTrue();
        (await Listed()).Should().Be((false, 0), "every unit is held by a checkout");
        var details = await app.Anonymous().DetailsAsync(id);
        (details["available"]!.GetValue<bool>(), details["stock"]!.GetValue<int>(), details["onHand"]!.GetValue<int>()).Should().Be((false, 0, 3));

        var other = await cooperative.NewProductAsync(Cooperatives.ProductBody(stock: 0));
        var sorted = await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}&sort=newest")).Json();
        (sorted["items"]![0]!["id"]!.GetValue<Guid>(), sorted["items"]![0]!["available"]!.GetValue<bool>()).Should().Be((other, false));
    }

    [Fact]
    public async Task A_sku_is_unique_within_a_cooperative_whatever_its_case_but_not_across_cooperatives()
    {
        var first = await app.NewCooperativeAsync();
        var other = await app.NewCooperativeAsync();
        await first.NewProductAsync(Cooperatives.ProductBody(sku: "AMLOU-250"), publish: false);

        var again = await first.Owner.Client.PostJson(Products(first), Cooperatives.ProductBody(sku: "amlou-250"));
        (await again.ShouldBeProblem(409))["code"]!.GetValue<string>().Should().Be("sku_taken");
        await (await other.Owner.Client.PostJson(Products(other), Cooperatives.ProductBody(sku: "AMLOU-250"))).ShouldHaveStatus(201);
        var list = await (await first.Owner.Client.GetAsync(Products(first))).Json();
        list["total"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Given_a_suspended_cooperative_Then_its_products_leave_the_shop_until_it_is_reinstated()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync();
        async Task<int> Status() => (int)(await app.Anonymous().GetAsync($"/api/products/{id}")).StatusCode;

        await app.AdminDoesAsync(cooperative.Id, "suspend");
        await Poll.UntilAsync(Status, s => s == 404, what: "the product to leave the shop");
        (await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}")).Json())["total"]!.GetValue<long>().Should().Be(0);
        (await cooperative.Owner.Client.DetailsAsync(id))["status"]!.GetValue<string>().Should().Be("published", "its staff still see it");

        await app.AdminDoesAsync(cooperative.Id, "reinstate");
        await Poll.UntilAsync(Status, s => s == 200, what: "the product to come back");
    }

    internal static JsonObject WithVersion(object body, long version)
    {
        var json = JsonSerializer.SerializeToNode(body, JsonSerializerOptions.Web)!.AsObject();
        json["version"] = version;
        return json;
    }
}
