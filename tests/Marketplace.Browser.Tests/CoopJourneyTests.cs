using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// The cooperative's journey of issue 7: a shopper's cash-on-delivery order (made through the API) is accepted, shipped
/// and delivered in the cooperative space, whose dashboard, queue and balance follow; in Arabic and in French, each on
/// a phone and on a desktop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoopJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData(true, "ar")]
    [InlineData(false, "ar")]
    [InlineData(true, "fr")]
    [InlineData(false, "fr")]
    public async Task A_cooperative_accepts_ships_and_delivers_an_order_and_sees_its_balance_change(bool phone, string lang)
    {
        var w = CoopWords.Of(lang);
        var shot = $"{lang}-{(phone ? "phone" : "desktop")}";
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync(flatFee: 25m);
        var product = await market.NewProductAsync(coop, 180m, stock: 10);
        var (_, number) = await app.CashOnDeliveryOrderAsync(product.Id, 2); // 360.00 of items + 25.00 of delivery
        var page = await app.NewPageAsync(phone);

        await page.SignInAsync(coop.Owner, lang);
        await page.Locator(".coop-list a").First.ClickAsync();
        await page.WaitForURLAsync($"**/coop/{coop.Id}");
        (await page.TextContentAsync("h1")).Should().Be(w.Dashboard);
        (await page.TextContentAsync("[data-testid=month-sales]")).Should().Be(w.Money("360,00"), "this month's sales are the items ordered");
        (await page.TextContentAsync("[data-testid=count-placed]")).Should().Be("1");
        (await page.Locator("#sales-chart").IsVisibleAsync()).Should().BeTrue();
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('sales-chart'))");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"coop-journey-1-dashboard-{shot}");
        await CoopBalanceSteps.SeeANothingOwedBalanceAsync(page, coop, w, shot);

        await page.Locator(".coop-nav").GetByRole(AriaRole.Link, new() { Name = w.Orders, Exact = true }).ClickAsync();
        var order = page.Locator($"article.order[data-order='{number}']");
        (await order.Locator("[data-testid=status]").TextContentAsync()).Should().Be(w.New);
        (await order.Locator("[data-testid=total]").TextContentAsync()).Should().Be(w.Money("385,00"));
        (await order.TextContentAsync()).Should().Contain("Fatima Zahra Ait Lahcen").And.Contain(w.CashOnDelivery);
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"coop-journey-2-queue-{shot}");
        await order.GetByRole(AriaRole.Button, new() { Name = w.Accept }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Contain(number).And.Contain(w.AcceptedNotice);

        await page.Locator("nav.tabs a", new() { HasText = w.ToShip }).ClickAsync();
        order = page.Locator($"article.order[data-order='{number}']");
        (await order.Locator("[data-testid=status]").TextContentAsync()).Should().Be(w.Accepted);
        await order.GetByLabel(w.Carrier).FillAsync("Amana");
        await order.GetByLabel(w.Tracking).FillAsync("RR123456785MA");
        await BrowserApp.ScreenshotAsync(page, $"coop-journey-3-ship-{shot}");
        await order.GetByRole(AriaRole.Button, new() { Name = w.Ship }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Contain(number);

        await page.Locator("nav.tabs a", new() { HasText = w.OnTheWay }).ClickAsync();
        order = page.Locator($"article.order[data-order='{number}']");
        (await order.TextContentAsync()).Should().Contain("Amana").And.Contain("RR123456785MA");
        (await order.GetByLabel(w.Cash).InputValueAsync()).Should().Be("385", "the cash to collect is the sub-order's total");
        await order.GetByRole(AriaRole.Button, new() { Name = w.Deliver }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Contain(number);

        await page.Locator("nav.tabs a", new() { HasText = w.DeliveredTab }).ClickAsync();
        order = page.Locator($"article.order[data-order='{number}']");
        (await order.Locator("[data-testid=status]").TextContentAsync()).Should().Be(w.Delivered);
        (await order.TextContentAsync()).Should().Contain(w.Collected(w.Money("385,00")));
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"coop-journey-4-delivered-{shot}");

        await page.GotoAsync($"/coop/{coop.Id}");
        (await page.TextContentAsync("[data-testid=count-placed]")).Should().Be("0");
        (await page.TextContentAsync("[data-testid=month-sales]")).Should().Be(w.Money("360,00"), "a delivered order stays a sale");

        await CoopBalanceSteps.SeeTheBalanceChangeAsync(app, page, coop, number, 360m, w, shot);
        app.OutsideRequests.Should().BeEmpty();
    }
}
