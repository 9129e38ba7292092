using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// The cooperative space's long lists, one page at a time: "Page suivante" shows the next items. Razor Pages' own route value
/// "page" (the page's name) once shadowed the query's page number, and every page showed the first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoopPagerTests(BrowserApp app)
{
    [Fact]
    public async Task Each_long_list_of_the_cooperative_space_goes_to_its_second_page_with_other_items()
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync();
        var products = new List<MarketProduct>();
        for (var n = 0; n < 31; n++) products.Add(await market.NewProductAsync(coop, 40m + n, stock: 5));
        for (var n = 0; n < 51; n++)
            await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/members",
                new { fullName = $"Membre {n:D2}", role = "member", joinedOn = "2019-01-01", shares = 1 })).ShouldHaveStatus(201);
        var delivered = new List<(TestUser Shopper, Guid Order, Guid SubOrder)>();
        for (var n = 0; n < 21; n++) delivered.Add(await DeliveredAsync(coop, products[n], n));
        foreach (var (shopper, order, subOrder) in delivered) // the Reviews module hears of each delivery through the Orders outbox
            await Poll.UntilAsync(() => shopper.Client.PostJson($"/api/orders/{order}/sub-orders/{subOrder}/reviews",
                new { rating = 5, text = $"Avis de {shopper.Email}" }), r => (int)r.StatusCode == 201, what: $"the review of {subOrder}");
        await Poll.UntilAsync(async () => await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/ledger?pageSize=100")).Json(),
            ledger => ledger["items"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "cash_sale_commission") == 21,
            what: "the commission of the 21 cash sales in the ledger");

        var page = await app.NewPageAsync();
        await page.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}");
        await SecondPageAsync(page, $"/coop/{coop.Id}/products", ".product-row", 30, 1);
        await SecondPageAsync(page, $"/coop/{coop.Id}/members", "table tbody tr", 50, 1);
        await SecondPageAsync(page, $"/coop/{coop.Id}/orders?status=delivered", "article.order", 20, 1);
        await SecondPageAsync(page, $"/coop/{coop.Id}/reviews", "[data-coop-review]", 20, 1);
        await SecondPageAsync(page, $"/coop/{coop.Id}/balance", "table.ledger tbody tr", 20, null);
    }

    /// <summary>A shopper's sub-order of one product, accepted, shipped and delivered by the cooperative.</summary>
    private async Task<(TestUser Shopper, Guid Order, Guid SubOrder)> DeliveredAsync(MarketCooperative coop, MarketProduct product, int n)
    {
        var shopper = await app.NewShopperAsync($"buyer{n}");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
        var subOrder = order.SubOrderOf(coop).Id();
        await coop.MoveAsync(subOrder, "accept");
        await coop.MoveAsync(subOrder, "ship", Shop.Shipment());
        await coop.MoveAsync(subOrder, "deliver");
        return (shopper, order.Id(), subOrder);
    }

    /// <summary>
    /// The list's first page holds <paramref name="perPage"/> items; "Page suivante" leads to page 2, whose items are none of the
    /// first page's (<paramref name="second"/> of them, when known), and "Page précédente" back to the first.
    /// </summary>
    private static async Task SecondPageAsync(IPage page, string url, string items, int perPage, int? second)
    {
        await page.GotoAsync(url);
        var rows = page.Locator("main " + items);
        (await rows.CountAsync()).Should().Be(perPage, $"{url} shows a full first page");
        (await page.TextContentAsync("nav.pager span")).Should().StartWith("Page 1 sur");
        var first = await rows.AllInnerTextsAsync();

        await page.Locator("nav.pager a[rel=next]").ClickAsync();
        await page.WaitForURLAsync("**page=2**");
        (await page.TextContentAsync("nav.pager span")).Should().StartWith("Page 2 sur", $"{url}: the next page is page 2");
        var next = await rows.AllInnerTextsAsync();
        if (second is { } count) next.Should().HaveCount(count);
        next.Should().NotBeEmpty().And.NotIntersectWith(first, $"{url}: page 2 shows other items than page 1");

        await page.Locator("nav.pager a[rel=prev]").ClickAsync();
        await page.WaitForURLAsync("**page=1**");
        (await rows.AllInnerTextsAsync()).Should().Equal(first, $"{url}: back on page 1");
    }
}
