using System.Text.Json.Nodes;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>Bad input (400 with the field, nothing stored) and access (401, 403, 404) on the product routes.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ProductRefusalTests(CatalogueApp app)
{
    private static JsonObject Body(Action<JsonObject> change)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Cooperatives.ProductBody(), System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
        change(body);
        return body;
    }

    public static TheoryData<string, string> BadProducts => new()
    {
        { "negative price", "price.amount" },
        { "zero price", "price.amount" },
        { "fractional centimes", "price.amount" },
        { "unknown currency", "price.currency" },
        { "no price", "price" },
        { "unknown category", "category" },
        { "no category", "category" },
        { "negative stock", "stock" },
        { "no stock", "stock" },
        { "empty name", "name" },
        { "blank names", "name" },
        { "no name", "name" },
        { "name in an unknown language", "name" },
        { "oversized name", "name" },
        { "oversized description", "description" },
        { "unknown label", "labels" },
        { "unknown province", "province" },
        { "food-safety number on a carpet", "foodSafetyNumber" },
        { "no unit", "unit" },
        { "no sku", "sku" },
        { "sku with spaces", "sku" },
    };

    [Theory, MemberData(nameof(BadProducts))]
    public async Task Given_bad_input_When_creating_a_product_Then_400_with_the_field_and_nothing_is_stored(string what, string field)
    {
        var cooperative = await app.NewCooperativeAsync();
        var body = Body(b =>
        {
            switch (what)
            {
                case "negative price": b["price"]!["amount"] = -10; break;
                case "zero price": b["price"]!["amount"] = 0; break;
                case "fractional centimes": b["price"]!["amount"] = 12.345m; break;
                case "unknown currency": b["price"]!["currency"] = "EUR"; break;
                case "no price": b.Remove("price"); break;
                case "unknown category": b["category"] = "chocolate"; break;
                case "no category": b.Remove("category"); break;
                case "negative stock": b["stock"] = -1; break;
                case "no stock": b.Remove("stock"); break;
                case "empty name": b["name"] = new JsonObject(); break;
                case "blank names": b["name"] = new JsonObject { ["fr"] = "  ", ["ar"] = "" }; break;
                case "no name": b.Remove("name"); break;
                case "name in an unknown language": b["name"] = new JsonObject { ["fr"] = "Miel", ["de"] = "Honig" }; break;
                case "oversized name": b["name"] = new JsonObject { ["fr"] = new string('a', 201) }; break;
                case "oversized description": b["description"] = new JsonObject { ["fr"] = new string('a', 4001) }; break;
                case "unknown label": b["labels"] = new JsonArray("IGP", "BEST"); break;
                case "unknown province": b["province"] = "casablanca"; break;
                case "food-safety number on a carpet": b["category"] = "carpets"; b["labels"] = new JsonArray(); break;
                case "no unit": b["unit"] = " "; break;
                case "no sku": b.Remove("sku"); break;
                case "sku with spaces": b["sku"] = "ARGAN OIL"; break;
            }
        });

        var response = await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/products", body);

        await response.ShouldBeValidationProblem(field);
        var list = await (await cooperative.Owner.Client.GetAsync($"/api/cooperatives/{cooperative.Id}/products")).Json();
        list["total"]!.GetValue<long>().Should().Be(0);
    }

    [Theory]
    [InlineData("""{"sku": "A1", "price": {"amount": "cheap"}}""")]
    [InlineData("""{"sku": "A1", "stock": 1.5}""")]
    [InlineData("""{"sku": """)]
    public async Task Given_malformed_json_When_creating_a_product_Then_400_without_internals(string json)
    {
        var cooperative = await app.NewCooperativeAsync();
        var response = await cooperative.Owner.Client.PostAsync($"/api/cooperatives/{cooperative.Id}/products",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        (await response.ShouldBeProblem(400)).ToJsonString().Should().NotContain("Marketplace.").And.NotContain("   at ");
    }

    [Fact]
    public async Task Given_bad_input_When_editing_Then_400_and_the_listing_is_unchanged()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync();
        var body = Body(b => { b["price"]!["amount"] = -1; b["version"] = 1; });
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/products/{id}", body)).ShouldBeValidationProblem("price.amount");
        var noVersion = Body(_ => { });
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/products/{id}", noVersion)).ShouldBeValidationProblem("version");
        (await app.Anonymous().DetailsAsync(id))["version"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_staff_route()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync();
        var anonymous = app.Anonymous();
        var root = $"/api/cooperatives/{cooperative.Id}/products";
        foreach (var response in new[]
                 {
                     await anonymous.PostJson(root, Cooperatives.ProductBody()),
                     await anonymous.PutJson($"{root}/{id}", Cooperatives.ProductBody()),
                     await anonymous.PostJson($"{root}/{id}/publish"),
                     await anonymous.PostJson($"{root}/{id}/unpublish"),
                     await anonymous.PutJson($"{root}/{id}/stock", new { quantity = 1 }),
                 })
            ((int)response.StatusCode).Should().Be(401);
    }

    [Fact]
    public async Task A_shopper_who_is_not_staff_gets_403_and_changes_nothing()
    {
        var cooperative = await app.NewCooperativeAsync();
        var id = await cooperative.NewProductAsync();
        var stranger = (await app.NewShopperAsync()).Client;
        var root = $"/api/cooperatives/{cooperative.Id}/products";

        await (await stranger.PostJson(root, Cooperatives.ProductBody())).ShouldBeProblem(403);
        await (await stranger.PutJson($"{root}/{id}", ProductListingTests.WithVersion(Cooperatives.ProductBody(price: 1m), 1))).ShouldBeProblem(403);
        await (await stranger.PostJson($"{root}/{id}/unpublish")).ShouldBeProblem(403);
        await (await stranger.PutJson($"{root}/{id}/stock", new { quantity = 0 })).ShouldBeProblem(403);

        var details = await app.Anonymous().DetailsAsync(id);
        (details["status"]!.GetValue<string>(), details["stock"]!.GetValue<int>(), details["version"]!.GetValue<long>()).Should().Be(("published", 12, 1L));
    }

    [Fact]
    public async Task Staff_of_a_pending_cooperative_cannot_list_products_yet()
    {
        var pending = await app.NewCooperativeAsync(verified: false);
        var response = await pending.Owner.Client.PostJson($"/api/cooperatives/{pending.Id}/products", Cooperatives.ProductBody());
        await response.ShouldBeProblem(403);
    }

    [Fact]
    public async Task Unknown_cooperatives_and_products_and_products_of_another_cooperative_are_404()
    {
        var mine = await app.NewCooperativeAsync();
        var theirs = await app.NewCooperativeAsync();
        var theirProduct = await theirs.NewProductAsync();

        await (await mine.Owner.Client.PostJson($"/api/cooperatives/{Guid.NewGuid()}/products", Cooperatives.ProductBody())).ShouldBeProblem(404);
        await (await mine.Owner.Client.PostJson($"/api/cooperatives/{mine.Id}/products/{Guid.NewGuid()}/publish")).ShouldBeProblem(404);
        await (await mine.Owner.Client.PutJson($"/api/cooperatives/{mine.Id}/products/{theirProduct}/stock", new { quantity = 0 })).ShouldBeProblem(404);
        await (await mine.Owner.Client.PostJson($"/api/cooperatives/{theirs.Id}/products/{theirProduct}/unpublish")).ShouldBeProblem(403);
        await (await app.Anonymous().GetAsync($"/api/products/{Guid.NewGuid()}")).ShouldBeProblem(404);
        (await app.Anonymous().DetailsAsync(theirProduct))["stock"]!.GetValue<int>().Should().Be(12);
    }
}
