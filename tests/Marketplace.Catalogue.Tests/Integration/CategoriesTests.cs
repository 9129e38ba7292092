namespace Marketplace.Catalogue.Tests.Integration;

[Collection(CatalogueCollection.Name)]
public sealed class CategoriesTests(CatalogueApp app)
{
    [Fact]
    public async Task The_category_tree_covers_the_regions_products_in_three_languages()
    {
        var response = await app.Anonymous().GetAsync("/api/categories?lang=ar");
        var tree = (await (await response.ShouldHaveStatus(200)).Json()).AsArray();

        tree.Select(c => c!["code"]!.GetValue<string>()).Should().BeEquivalentTo("argan", "amlou-spreads", "honey", "saffron-spices",
            "dates-dried-fruit", "couscous-cereals", "olive-oil", "natural-cosmetics", "carpets-textiles", "pottery", "silver-jewellery",
            "basketry", "solidarity-tourism");
        tree.Should().AllSatisfy(c =>
        {
            foreach (var language in new[] { "ar", "fr", "en" }) c!["name"]![language]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        });
        var argan = tree.Single(c => c!["code"]!.GetValue<string>() == "argan")!;
        argan["displayName"]!.GetValue<string>().Should().Be("منتجات الأركان");
        argan["name"]!["zgh"]!.GetValue<string>().Should().Be("ⴰⵔⴳⴰⵏ");
        argan["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Should().Contain("argan-culinary-oil");
        response.Headers.CacheControl!.Public.Should().BeTrue();
    }

    [Fact]
    public async Task The_labels_are_the_five_codes_certificates_give_with_their_meaning()
    {
        var labels = (await (await app.Anonymous().GetAsync("/api/labels")).Json()).AsArray();
        labels.Select(l => l!["code"]!.GetValue<string>()).Should().BeEquivalentTo("IGP", "AOP", "LABEL_AGRICOLE", "ORGANIC", "FAIR_TRADE");
    }

    [Fact]
    public async Task An_empty_shop_page_has_the_list_shape()
    {
        var page = await (await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={Guid.NewGuid()}&page=2&pageSize=5"))
            .ShouldHaveStatus(200)).Json();
        (page["total"]!.GetValue<long>(), page["page"]!.GetValue<int>(), page["pageSize"]!.GetValue<int>()).Should().Be((0L, 2, 5));
        page["items"]!.AsArray().Should().BeEmpty();
    }
}
