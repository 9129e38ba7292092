using System.Text.Json.Nodes;
using Marketplace.Catalogue.Tests.Unit;
using Marketplace.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// Search answers are kept in each node's memory (SearchResultCache) while the search version in the database has not
/// moved. Two nodes on one database: every change made through the other node (publish, unpublish, image, suspension) shows
/// at once in the first node's answer to the same search, which it had kept; stock read on a kept answer is the current one.
/// </summary>
[Collection(CatalogueCollection.Name)]
public sealed class SearchCacheTests(CatalogueApp app)
{
    private static string Word() => new(Enumerable.Range(0, 9).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    private static object Named(string word, int stock = 12) =>
        Cooperatives.ProductBody(stock: stock, name: new { fr = $"Huile {word}", en = $"Oil {word}" });

    private async Task<JsonNode> SearchAsync(string word) =>
        await (await (await app.Anonymous().GetAsync($"/api/products?q={word}")).ShouldHaveStatus(200)).Json();

    private static IEnumerable<Guid> Ids(JsonNode answer) => answer["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>());

    [Fact]
    public async Task Given_a_kept_answer_When_another_node_publishes_restocks_adds_an_image_unpublishes_or_the_cooperative_is_suspended_Then_the_next_answer_shows_it()
    {
        var word = Word();
        var cooperative = await app.NewCooperativeAsync();
        var first = await cooperative.NewProductAsync(Named(word));
        await using var other = new SecondNode(app.Database);
        await other.InitializeAsync();
        var owner = await other.SignedInClientAsync(cooperative.Owner.Email, cooperative.Owner.Password);
        var products = $"/api/cooperatives/{cooperative.Id}/products";

        Ids(await SearchAsync(word)).Should().Equal(first);
        Ids(await SearchAsync(word)).Should().Equal(first);
        app.Services.GetRequiredService<SearchResultCache>().Find(new ProductFilter(SearchQuery.Parse(word), null, null, null, null, null, null, "relevance").Key(new(1, 20))).Should().NotBeNull("the answer is kept");

        var created = await owner.PostJson(products, Named(word, stock: 4));
        await created.ShouldHaveStatus(201);
        var second = (await created.Json())["id"]!.GetValue<Guid>();
        Ids(await SearchAsync(word)).Should().Equal([first], "a draft is not in the shop");
        await (await owner.PostJson($"{products}/{second}/publish")).ShouldHaveStatus(200);
        var both = await SearchAsync(word);
        Ids(both).Should().BeEquivalentTo([first, second], "published on the other node");
        both["total"]!.GetValue<long>().Should().Be(2);

        await (await owner.PutJson($"{products}/{second}/stock", new { quantity = 3 })).ShouldHaveStatus(200);
        (await SearchAsync(word))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == second)!["stock"]!.GetValue<int>()
            .Should().Be(3, "a kept answer still reads the products' current stock");

        var photo = new ByteArrayContent([.. ImageFormatTests.Png, .. new byte[512]]);
        photo.Headers.ContentType = new("image/png");
        var image = await (await (await owner.PostAsync($"{products}/{second}/images", new MultipartFormDataContent { { photo, "file", "p.png" } }))
            .ShouldHaveStatus(201)).Json();
        (await SearchAsync(word))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == second)!["imageUrl"]!.GetValue<string>()
            .Should().EndWith(image["id"]!.GetValue<string>(), "the kept items show an image added on the other node");

        await (await owner.PostJson($"{products}/{first}/unpublish")).ShouldHaveStatus(200);
        Ids(await SearchAsync(word)).Should().Equal([second], "unpublished on the other node");

        await other.AdminDoesAsync(cooperative.Id, "suspend");
        await Poll.UntilAsync(async () => Ids(await SearchAsync(word)).ToList(), ids => ids.Count == 0,
            what: "the suspended cooperative's products to leave the kept answer");
        await other.AdminDoesAsync(cooperative.Id, "reinstate");
        await Poll.UntilAsync(async () => Ids(await SearchAsync(word)).ToList(), ids => ids.SequenceEqual([second]),
            what: "them to come back when it is reinstated");
    }
}
