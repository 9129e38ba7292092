using Marketplace.Catalogue.Contracts;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>Issue 23: a product without a photo shows the drawing of its kind, in one of three colourings, served like photos.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ProductPictureTests(CatalogueApp app)
{
    [Fact]
    public async Task A_product_without_a_photo_is_shown_with_the_drawing_of_its_kind_served_as_svg_with_caching_headers()
    {
        var cooperative = await app.NewCooperativeAsync();
        var honey = await cooperative.NewProductAsync(Cooperatives.ProductBody(category: "honey", labels: []));
        var carpet = await cooperative.NewProductAsync(Cooperatives.ProductBody(category: "carpets", labels: [], foodSafetyNumber: null));

        var items = (await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}")).Json())["items"]!.AsArray();
        var urls = items.ToDictionary(i => i!["id"]!.GetValue<Guid>(), i => i!["imageUrl"]!.GetValue<string>());
        urls[honey].Should().MatchRegex("^/api/pictures/honey-[123]\\.svg$").And.Be(Pictures.UrlOf("honey", honey));
        urls[carpet].Should().MatchRegex("^/api/pictures/carpet-[123]\\.svg$");

        var served = await (await app.Anonymous().GetAsync(urls[honey])).ShouldHaveStatus(200);
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var svg = await served.Content.ReadAsStringAsync();
        svg.Should().StartWith("<svg").And.NotContain("{").And.NotContain("<script", "every colour filled in, nothing that runs");
        served.Headers.CacheControl!.Public.Should().BeTrue();
        served.Headers.ETag.Should().NotBeNull();
        var conditional = new HttpRequestMessage(HttpMethod.Get, urls[honey]);
        conditional.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        ((int)(await app.Anonymous().SendAsync(conditional)).StatusCode).Should().Be(304);
        await (await app.Anonymous().GetAsync("/api/pictures/honey-4.svg")).ShouldBeProblem(404);
        await (await app.Anonymous().GetAsync("/api/pictures/..%2Fappsettings.json")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Every_kind_is_drawn_in_three_colourings_and_products_spread_over_them()
    {
        foreach (var kind in Pictures.Kinds)
        {
            var drawings = new List<string>();
            for (var n = 1; n <= Pictures.Variants; n++)
                drawings.Add(await (await (await app.Anonymous().GetAsync($"/api/pictures/{kind}-{n}.svg")).ShouldHaveStatus(200)).Content.ReadAsStringAsync());
            drawings.Should().OnlyHaveUniqueItems("{0} has three colourings", kind);
        }
        Enumerable.Range(0, 300).Select(_ => Pictures.UrlOf("honey", Guid.NewGuid())).Distinct().Should().HaveCount(Pictures.Variants);
    }
}
