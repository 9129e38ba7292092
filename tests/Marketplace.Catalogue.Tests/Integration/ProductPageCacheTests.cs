using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Catalogue.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// Product pages kept in each node's memory while it listens to the database's product changes (KeptProductPages). Two
/// nodes on one database: a change made through this node shows in its next answer; one made through the other node
/// shows within moments (its notification); when the listening connection is lost, the node reads from the database
/// until it listens again, and nothing changed meanwhile stays hidden.
/// </summary>
[Collection(CatalogueCollection.Name)]
public sealed class ProductPageCacheTests(CatalogueApp app)
{
    private static readonly TimeSpan Moments = TimeSpan.FromSeconds(10);
    private KeptProductPages Pages => app.Services.GetRequiredService<KeptProductPages>();

    private async Task<HttpResponseMessage> GetAsync(Guid product) => await app.Anonymous().GetAsync($"/api/products/{product}");

    private async Task<int> StockAsync(Guid product) => (await (await (await GetAsync(product)).ShouldHaveStatus(200)).Json())["stock"]!.GetValue<int>();

    private async Task ListeningAsync() =>
        await Poll.UntilAsync(() => Task.FromResult(Pages.IsListening), on => on, Moments, "the node to listen to product changes");

    private bool AnsweredFromMemory(Guid product) => Pages.Find(product, out var current) is not null && current;

    private sealed record Remote(SecondNode Node, HttpClient Client);

    /// <summary>A product with 12 in stock, another node on the same database with its owner signed in there, this node listening.</summary>
    private async Task<(Cooperatives.TestCooperative Cooperative, Guid Product, Remote Remote, string Stock)> KeptOnTwoNodesAsync()
    {
        var cooperative = await app.NewCooperativeAsync();
        var product = await cooperative.NewProductAsync(Cooperatives.ProductBody(stock: 12));
        var other = new SecondNode(app.Database);
        await other.InitializeAsync();
        var client = await other.SignedInClientAsync(cooperative.Owner.Email, cooperative.Owner.Password);
        await ListeningAsync();
        return (cooperative, product, new Remote(other, client), $"/api/cooperatives/{cooperative.Id}/products/{product}/stock");
    }

    [Fact]
    public async Task A_page_kept_in_memory_shows_this_nodes_changes_at_once_and_the_other_nodes_within_moments()
    {
        var (cooperative, product, remote, stock) = await KeptOnTwoNodesAsync();
        await using var node = remote.Node;

        (await StockAsync(product)).Should().Be(12);
        (await StockAsync(product)).Should().Be(12);
        AnsweredFromMemory(product).Should().BeTrue("the page is kept while the node listens");

        await (await cooperative.Owner.Client.PutJson(stock, new { quantity = 5 })).ShouldHaveStatus(200);
        (await StockAsync(product)).Should().Be(5, "this node forgets the page after its own commit");

        await (await remote.Client.PutJson(stock, new { quantity = 3 })).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => StockAsync(product), s => s == 3, Moments, "the other node's restock");

        await remote.Node.AdminDoesAsync(cooperative.Id, "suspend");
        await Poll.UntilAsync(() => GetAsync(product), r => r.StatusCode == HttpStatusCode.NotFound, Moments, "the suspended cooperative's page to go");
        await remote.Node.AdminDoesAsync(cooperative.Id, "reinstate");
        await Poll.UntilAsync(() => GetAsync(product), r => r.StatusCode == HttpStatusCode.OK, Moments, "the page back after reinstatement");

        await (await remote.Client.PostAsync($"/api/cooperatives/{cooperative.Id}/products/{product}/unpublish", null)).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => GetAsync(product), r => r.StatusCode == HttpStatusCode.NotFound, Moments, "the page unpublished on the other node");
    }

    [Fact]
    public async Task When_the_listening_connection_is_killed_a_change_made_meanwhile_shows_once_it_listens_again_and_pages_are_kept_again()
    {
        var (_, product, remote, stock) = await KeptOnTwoNodesAsync();
        await using var node = remote.Node;
        (await StockAsync(product)).Should().Be(12);
        (await StockAsync(product)).Should().Be(12);
        AnsweredFromMemory(product).Should().BeTrue();

        // The connections that listen are cut (both nodes'), and the other node restocks: its notification is lost.
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand("select count(pg_terminate_backend(pid)) from pg_stat_activity " +
                "where application_name = 'marketplace-product-changes' and datname = current_database()", connection);
            ((long)(await kill.ExecuteScalarAsync())!).Should().BeGreaterThanOrEqualTo(1);
        }
        await (await remote.Client.PutJson(stock, new { quantity = 4 })).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => Task.FromResult(Pages.IsListening), on => !on, Moments, "the node to notice the lost connection");
        await ListeningAsync();
        (await StockAsync(product)).Should().Be(4, "what was kept before listening again is read again: changes could have been missed");
        (await StockAsync(product)).Should().Be(4);
        AnsweredFromMemory(product).Should().BeTrue("listening again, the node keeps pages again");
        await (await remote.Client.PutJson(stock, new { quantity = 2 })).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => StockAsync(product), s => s == 2, Moments, "a restock heard on the new connection");
    }
}
