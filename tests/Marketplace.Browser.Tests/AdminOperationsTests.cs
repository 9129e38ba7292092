using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Issue 14 through the administration's pages: an event a module could not take is shown on the overview and replayed from
/// its page; card payments refunded because no order keeps them are listed with their refund.
/// </summary>
[Collection(PayoutsBrowserCollection.Name)]
public sealed class AdminOperationsTests(StripeBrowserApp app)
{
    [Fact]
    public async Task An_administrator_sees_an_event_parked_for_a_module_and_replays_it_once_the_cause_is_fixed()
    {
        var market = new HttpMarket(app);
        var cooperative = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(cooperative, price: 60m, stock: 10);
        var page = await app.AdminPageAsync(phone: true, "fr");
        await using (await app.Faults.FailAsync("catalogue.mt_events", DatabaseFaults.Always, product.Id.ToString(), "catalogue.stock_sold"))
        {
            var shopper = await app.NewShopperAsync("buyer");
            await PlaceCashOrderAsync(shopper, product.Id);
            await Poll.UntilAsync(async () => (await (await (await app.AdminAsync()).Client.GetAsync("/api/admin/outbox/undelivered")).Json())["items"]!
                .AsArray().Any(e => e!["state"]!.GetValue<string>() == "parked"), parked => parked, what: "the order parked for the catalogue");

            await page.GotoAsync("/admin?lang=fr");
            int.Parse(await page.Locator("[data-testid=parked-events]").InnerTextAsync()).Should().BeGreaterThanOrEqualTo(1);
            await page.Locator("[data-testid=parked-events]").ClickAsync();
            await page.WaitForURLAsync("**/admin/outbox");
            var row = page.Locator("[data-testid=undelivered] tr[data-state=parked]", new() { HasText = "catalogue" });
            (await row.InnerTextAsync()).Should().Contain("OrderPlacedIntegrationEvent").And.Contain("fault injected by the test");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
            await BrowserApp.ScreenshotAsync(page, "admin-outbox-parked-fr-phone");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Relancer tous les événements en attente" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain("remis à nouveau");
        await Poll.UntilAsync(async () => (await market.DetailsAsync(product.Id))["reserved"]!.GetValue<int>(), r => r == 0, what: "the order sold after the replay");
        (await market.DetailsAsync(product.Id))["onHand"]!.GetValue<int>().Should().Be(9, "sold once");
        await page.ReloadAsync();
        (await page.Locator("[data-testid=undelivered] tr[data-state=parked]", new() { HasText = product.Id.ToString() }).CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_administrator_sees_a_payment_of_the_wrong_amount_refunded_at_once()
    {
        var market = new HttpMarket(app);
        var cooperative = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(cooperative, price: 75m, stock: 10);
        var shopper = await app.NewShopperAsync("buyer");
        var order = await PlaceAsync(shopper, product.Id, "card");
        var secret = order["payment"]!["clientSecret"]!.GetValue<string>();
        var intent = secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)];
        await (await app.Stripe.Succeed(intent, amountReceived: 100).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var page = await app.AdminPageAsync(phone: false, "fr");
        await page.Locator("[data-testid=payment-problems]").ClickAsync();
        await page.WaitForURLAsync("**/admin/payments");

        var row = page.Locator("[data-testid=stray-payments] tr", new() { HasText = intent });
        (await row.InnerTextAsync()).Should().Contain("Autre montant que celui de la commande");
        (await row.Locator("[data-testid=stray-refund]").InnerTextAsync()).Should().Contain("remboursé");
        await BrowserApp.ScreenshotAsync(page, "admin-payments-fr-desktop");
    }

    private static Task PlaceCashOrderAsync(TestUser shopper, Guid productId) => PlaceAsync(shopper, productId, "cash_on_delivery");

    private static async Task<System.Text.Json.Nodes.JsonNode> PlaceAsync(TestUser shopper, Guid productId, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                lines = new[] { new { productId, quantity = 1 } },
                shippingAddress = new { fullName = "Naima Bouzid", phone = "0662345678", line1 = "Avenue Hassan II, 45", city = "Inezgane" },
                paymentMethod = method,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await (await (await shopper.Client.SendAsync(request)).ShouldHaveStatus(201)).Json();
    }
}

/// <summary>A shopper who cancels an order on its page is told, for each cooperative's part, that it was cancelled and why.</summary>
[Collection(PayoutsBrowserCollection.Name)]
public sealed class OrderCancelReasonTests(StripeBrowserApp app)
{
    [Fact]
    public async Task A_shopper_cancels_an_order_on_its_page_and_each_part_says_why_it_was_cancelled()
    {
        var market = new HttpMarket(app);
        var product = await market.NewProductAsync(await market.NewCooperativeAsync(), price: 45m, stock: 10);
        var shopper = await app.NewShopperAsync("buyer");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                lines = new[] { new { productId = product.Id, quantity = 2 } },
                shippingAddress = new { fullName = "Naima Bouzid", phone = "0662345678", line1 = "Avenue Hassan II, 45", city = "Inezgane" },
                paymentMethod = "cash_on_delivery",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var order = await (await (await shopper.Client.SendAsync(request)).ShouldHaveStatus(201)).Json();
        var page = await app.NewPageAsync(phone: true, language: "fr");
        await page.GotoAsync($"/orders/{order["id"]}?lang=fr");
        await CheckoutJourneyTests.SignInAsync(page, shopper, Words.Of("fr"));
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/orders/{order["id"]}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler la commande" }).ClickAsync();

        (await page.Locator("[data-cancel-reason=shopper]").InnerTextAsync()).Should().Be("Vous avez annulé cette partie de votre commande.");
        await BrowserApp.ScreenshotAsync(page, "order-cancelled-reason-fr-phone");
    }
}
