using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// Searches in a cooperative of 3,000 products among 150 others, more than the window's 1,000 rows (<see cref="ProductSearchQuery"/>): soaps
/// are the cheaper half, honeys the dearer half, published in turn. Whether the window holds the page, misses it (every
/// match is then read in the same statement) or every match is read at once, the page is the same as the one computed
/// here from what was listed, and the total is exact up to 1,000 matches, else an estimate marked so.
/// </summary>
[Collection(CatalogueCollection.Name)]
public sealed class SearchWindowTests(CatalogueApp app)
{
    private const int Half = 1_500;
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (CatalogueApp App, Guid Cooperative, List<Listed> Products)? shelf;

    private sealed record Listed(Guid Id, bool Honey, decimal Price, DateTimeOffset PublishedAt)
    {
        public bool Carob => Honey && Price % 100 == 0; // 15 honeys of carob

        public LocalizedText Name => Carob ? new("عسل الخروب", "Miel de caroube", "Carob honey")
            : Honey ? new("عسل الجبل", "Miel de montagne", "Mountain honey") : new("صابون بلدي", "Savon beldi", "Beldi soap");
    }

    private async Task<(Guid Cooperative, List<Listed> Products)> ShelfAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (shelf is { } s && s.App == app) return (s.Cooperative, s.Products);
            var (cooperative, by, start) = (Guid.CreateVersion7(), Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddDays(-1));
            var products = Enumerable.Range(0, 2 * Half).Select(i => new Listed(Guid.CreateVersion7(), i % 2 == 1,
                (i % 2 == 1 ? 5_000m : 10m) + i / 2, start.AddSeconds(i))).ToList();
            // A shop of many cooperatives (the planner's estimate of "not suspended" depends on how many there are)
            await using (var session = app.Store.LightweightSession())
            {
                foreach (var other in Enumerable.Range(0, 150).Select(_ => Guid.CreateVersion7()))
                {
                    var id = Guid.CreateVersion7();
                    session.Events.StartStream<Product>(id, ProductDecisions.List(id, other, TestProducts.Listing(category: "carpets",
                        name: new("زربية", "Tapis", "Rug")), 1, by, start));
                    session.Events.Append(id, new ProductPublished(id, by, start));
                }
                await session.SaveChangesAsync();
            }
            foreach (var chunk in products.Chunk(500))
            {
                await using var session = app.Store.LightweightSession();
                foreach (var p in chunk)
                {
                    session.Events.StartStream<Product>(p.Id, ProductDecisions.List(p.Id, cooperative,
                        TestProducts.Listing(category: p.Honey ? "honey" : "soaps", name: p.Name, price: p.Price), 5, by, p.PublishedAt));
                    session.Events.Append(p.Id, new ProductPublished(p.Id, by, p.PublishedAt));
                }
                await session.SaveChangesAsync();
            }
            // The planner's statistics as a shop's are (autovacuum keeps them): they decide whether the window is read first.
            await using (var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
            await using (var analyze = new NpgsqlCommand($"analyze {app.Store.Options.DatabaseSchemaName}.{ProductSearchRows.Table}", connection))
                await analyze.ExecuteNonQueryAsync();
            shelf = (app, cooperative, products);
            return (cooperative, products);
        }
        finally { Once.Release(); }
    }

    private async Task<(FoundPage Found, List<Listed> Products)> FindAsync(string q, string sort, int page)
    {
        var (cooperative, products) = await ShelfAsync();
        var filter = new ProductFilter(SearchQuery.Parse(q), null, cooperative, null, null, null, null, sort);
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var search = app.Services.GetRequiredService<ProductSearchSql>();
        return (await search.FindAsync(connection, filter, new PageRequest(page, 20), default), products);
    }

    [Fact]
    public async Task Given_the_matches_at_the_head_of_the_order_Then_the_window_holds_the_page_and_the_total_beyond_a_thousand_is_an_estimate()
    {
        var (found, products) = await FindAsync("savon", "price", page: 2);
        found.Read.Should().Be(SearchRead.Window);
        found.Ids.Should().Equal(products.Where(p => !p.Honey).OrderBy(p => p.Price).Skip(20).Take(20).Select(p => p.Id));
        found.TotalExact.Should().BeFalse("more than 1,000 soaps match");
        found.Total.Should().BeGreaterThan(1_000);
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("relevance")] // every honey has the word in its name: newest first
    [InlineData("-price")]
    public async Task Given_a_common_word_Then_the_window_of_its_order_holds_the_page(string sort)
    {
        var (found, products) = await FindAsync("miel", sort, page: 1);
        found.Read.Should().Be(SearchRead.Window);
        var honeys = products.Where(p => p.Honey);
        found.Ids.Should().Equal((sort == "-price" ? honeys.OrderByDescending(p => p.Price) : honeys.OrderByDescending(p => p.PublishedAt))
            .Take(20).Select(p => p.Id));
    }

    [Fact]
    public async Task Given_matches_all_beyond_the_window_Then_every_match_is_read_in_the_same_statement_and_counted_exactly()
    {
        var (found, products) = await FindAsync("honey", "price", page: 3);
        found.Read.Should().Be(SearchRead.WindowThenAll, "the 1,000 cheapest products are soaps");
        found.Ids.Should().Equal(products.Where(p => p.Honey).OrderBy(p => p.Price).Skip(40).Take(20).Select(p => p.Id));
        (found.Total, found.TotalExact).Should().Be((Half, true));
    }

    [Fact]
    public async Task Given_a_rare_word_Then_every_match_is_read_at_once_and_counted_exactly()
    {
        var (found, products) = await FindAsync("caroube", "-price", page: 1);
        found.Read.Should().Be(SearchRead.All);
        found.Ids.Should().Equal(products.Where(p => p.Carob).OrderByDescending(p => p.Price).Select(p => p.Id));
        (found.Total, found.TotalExact).Should().Be((15L, true));
    }
}
