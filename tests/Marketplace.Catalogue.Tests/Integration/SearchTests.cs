using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marketplace.Cooperatives.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// Full-text search on PostgreSQL in Arabic (with or without hamza, diacritics, article), French (with or without
/// accents, either apostrophe) and English (stemming), with the shop's filters and sorts. Each test reads only the
/// products of one cooperative made for this class.
/// </summary>
[Collection(CatalogueCollection.Name)]
public sealed class SearchTests(CatalogueApp app)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (CatalogueApp App, Guid Cooperative, Dictionary<string, Guid> Products)? shelf;

    private async Task<(Guid Cooperative, Dictionary<string, Guid> Products)> ShelfAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (shelf is { } s && s.App == app) return (s.Cooperative, s.Products);
            var cooperative = Guid.CreateVersion7();
            var products = new Dictionary<string, Guid>();
            async Task Add(string key, ListingFields listing, bool publish = true) =>
                products[key] = (await app.PublishedAsync(onHand: 5, listing, cooperative, publish)).Id;
            await Add("argan", TestProducts.Listing(category: "argan-culinary-oil", price: 180m, labels: ["IGP"],
                name: new("زيت الأركان الغذائي المحمص", "Huile d'argan alimentaire torréfiée", "Roasted culinary argan oil")));
            await Add("amlou", TestProducts.Listing(category: "amlou-spreads", price: 95m,
                name: new("أملو باللوز والعسل", "Amlou aux amandes et au miel", "Amlou with almonds and honey")));
            await Add("saffron", TestProducts.Listing(category: "saffron", price: 60m, labels: ["AOP"],
                name: new("زعفران تالوين", "Safran de Taliouine", "Taliouine saffron")));
            await Add("honey", TestProducts.Listing(category: "honey", price: 250m, province: "tiznit", labels: ["ORGANIC"],
                name: new("عسل الدغموس", "Miel d'euphorbe", "Euphorbia honey"),
                description: new(Fr: "Miel récolté à la main, texture crème épaisse.")));
            await Add("tagine", TestProducts.Listing(category: "pottery", price: 140m, province: "tata",
                name: new(Fr: "Tajine en terre cuite", En: "Clay tagine")));
            await Add("carpet", TestProducts.Listing(category: "carpets", price: 2400m, name: new(Ar: "زربية أمازيغية منسوجة يدويا")));
            await Add("draft", TestProducts.Listing(category: "honey", price: 70m, name: new("عسل الزعتر", "Miel de thym", "Thyme honey")), publish: false);
            // Certificates stand behind the argan oil's IGP and the saffron's AOP; the honey's ORGANIC is only declared.
            await app.CertifyAsync(products["argan"], "IGP");
            await app.CertifyAsync(products["saffron"], "AOP");
            shelf = (app, cooperative, products);
            return (cooperative, products);
        }
        finally { Once.Release(); }
    }

    private async Task<IReadOnlyList<string>> FindAsync(string? q = null, string? category = null, string? label = null, string? province = null,
        string? minPrice = null, string? maxPrice = null, string? sort = null)
    {
        var (cooperative, products) = await ShelfAsync();
        var answer = await app.SendAsync(new SearchProducts(q, category, cooperative.ToString(), label, province, minPrice, maxPrice,
            sort, null, "100", "fr"));
        var (found, total) = (answer.Items, answer.Total);
        total.Should().Be(found.Count);
        return found.Select(p => products.Single(x => x.Value == p.Id).Key).ToList();
    }

    [Theory]
    [InlineData("زيت الأركان")]      // with hamza and article
    [InlineData("زيت الاركان")]      // without hamza
    [InlineData("اركان")]            // without article nor hamza
    [InlineData("أركان")]            // hamza, no article
    [InlineData("الأرْكان المحمّص")]  // diacritics
    [InlineData("huile d'argan")]
    [InlineData("Huile d’Argan")]    // typographic apostrophe, capitals
    [InlineData("torrefiee")]        // without accents
    [InlineData("TORRÉFIÉE")]
    [InlineData("roasted argan oils")] // English stemming
    public async Task Given_argan_oil_When_searching_its_name_in_any_language_and_spelling_Then_it_is_found(string q) =>
        (await FindAsync(q)).Should().Equal("argan");

    [Theory]
    [InlineData("أملو", "amlou")]
    [InlineData("املو", "amlou")]
    [InlineData("الزعفران", "saffron")]
    [InlineData("بالزعفران", "saffron")]
    [InlineData("safran", "saffron")]
    [InlineData("saffron", "saffron")]
    [InlineData("almond", "amlou")]
    [InlineData("euphorbe", "honey")]
    [InlineData("recolte", "honey")]          // in the description, without accents
    [InlineData("tajine", "tagine")]
    [InlineData("clay tagines", "tagine")]
    [InlineData("زربية امازيغية", "carpet")]
    public async Task Given_products_in_three_languages_When_searching_Then_the_right_one_is_found(string q, string expected) =>
        (await FindAsync(q)).Should().Equal(expected);

    [Fact]
    public async Task A_word_found_in_two_names_finds_both_and_the_name_match_ranks_first()
    {
        (await FindAsync("العسل")).Should().BeEquivalentTo("honey", "amlou");
        (await FindAsync("miel")).Should().BeEquivalentTo("honey", "amlou");
        (await FindAsync("honey")).Should().BeEquivalentTo("honey", "amlou");
        (await FindAsync("creme")).Should().Equal("honey");
    }

    [Fact]
    public async Task Drafts_and_words_that_match_nothing_find_nothing()
    {
        (await FindAsync("thym")).Should().BeEmpty("the thyme honey is a draft");
        (await FindAsync("chocolat")).Should().BeEmpty();
    }

    [Fact]
    public async Task Filters_by_category_with_its_children_label_province_and_price()
    {
        (await FindAsync(category: "argan")).Should().Equal("argan");
        (await FindAsync(category: "saffron-spices")).Should().Equal("saffron");
        (await FindAsync(label: "aop")).Should().Equal("saffron");
        (await FindAsync(province: "tiznit")).Should().Equal("honey");
        (await FindAsync(minPrice: "100", maxPrice: "200", sort: "price")).Should().Equal("tagine", "argan");
        (await FindAsync(label: "IGP")).Should().Equal("argan");
        (await FindAsync(q: "miel", label: "ORGANIC")).Should().BeEmpty("a label declared without a certificate is not one");
    }

    [Fact]
    public async Task Sorts_by_price_either_way_and_by_newest()
    {
        (await FindAsync(sort: "price")).Should().Equal("saffron", "amlou", "tagine", "argan", "honey", "carpet");
        (await FindAsync(sort: "-price")).Should().Equal("carpet", "honey", "argan", "tagine", "amlou", "saffron");
        (await FindAsync(sort: "newest")).Should().Equal("carpet", "tagine", "honey", "saffron", "amlou", "argan");
    }

    [Theory]
    [InlineData(null, "price")]
    [InlineData("miel", null)] // relevance: the name matches first, then the others (fewer than a page here)
    [InlineData(null, "newest")]
    public async Task A_page_short_of_the_matches_has_the_exact_total_of_all_of_them(string? q, string? sort)
    {
        var (cooperative, _) = await ShelfAsync();
        var all = await app.SendAsync(new SearchProducts(q, null, cooperative.ToString(), null, null, null, null, sort, null, "100", "fr"));
        var first = await app.SendAsync(new SearchProducts(q, null, cooperative.ToString(), null, null, null, null, sort, null, "1", "fr"));
        var second = await app.SendAsync(new SearchProducts(q, null, cooperative.ToString(), null, null, null, null, sort, "2", "1", "fr"));
        var beyond = await app.SendAsync(new SearchProducts(q, null, cooperative.ToString(), null, null, null, null, sort, "9", "1", "fr"));
        all.Items.Should().HaveCountGreaterThan(1);
        foreach (var page in new[] { first, second, beyond })
        {
            page.Total.Should().Be(all.Items.Count);
            page.TotalExact.Should().BeTrue();
        }
        first.Items.Concat(second.Items).Select(i => i.Id).Should().Equal(all.Items.Take(2).Select(i => i.Id));
        beyond.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_suspended_cooperative_Then_its_products_leave_the_shop_until_it_is_reinstated()
    {
        var cooperative = Guid.CreateVersion7();
        var product = await app.PublishedAsync(onHand: 1, TestProducts.Listing(name: new(Fr: "Savon beldi à l'eucalyptus")), cooperative);
        async Task<bool> Listed() => (await app.SendAsync(
            new SearchProducts("eucalyptus", null, cooperative.ToString(), null, null, null, null, null, null, null, "fr"))).Items.Any(p => p.Id == product.Id);

        (await Listed()).Should().BeTrue();
        var suspendedAt = DateTimeOffset.UtcNow;
        await app.PublishAsync(new CooperativeSuspendedIntegrationEvent(Guid.CreateVersion7(), cooperative, suspendedAt));
        (await Listed()).Should().BeFalse();
        await app.PublishAsync(new CooperativeReinstatedIntegrationEvent(Guid.CreateVersion7(), cooperative, suspendedAt.AddSeconds(1)));
        (await Listed()).Should().BeTrue();
    }

    public static TheoryData<string, string> BadSearches => new()
    {
        { "sort=cheapest", "sort" },
        { "category=chocolate", "category" },
        { "label=BIO", "label" },
        { "province=casablanca", "province" },
        { "minPrice=-5", "minPrice" },
        { "minPrice=50&maxPrice=10", "maxPrice" },
        { "cooperativeId=not-a-guid", "cooperativeId" },
        { "pageSize=500", "pageSize" },
        { "page=0", "page" },
    };

    [Theory, MemberData(nameof(BadSearches))]
    public async Task Given_a_bad_filter_When_searching_Then_400_with_the_field(string query, string field) =>
        await (await app.Anonymous().GetAsync($"/api/products?{query}")).ShouldBeValidationProblem(field);
}
