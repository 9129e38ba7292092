using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The order queue's forms when something is wrong: a step already taken by someone else, a missing carrier, a cash amount that is not one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoopOrderFormTests(BrowserApp app)
{
    [Fact]
    public async Task A_step_taken_meanwhile_is_explained_and_ship_and_deliver_forms_keep_what_was_typed_beside_their_messages()
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(coop, 120m, stock: 3);
        var (_, number) = await app.CashOnDeliveryOrderAsync(product.Id, 1);
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}/orders");
        var order = page.Locator($"article.order[data-order='{number}']");
        (await order.Locator("[data-testid=status]").TextContentAsync()).Should().Be("Nouvelle");

        // meanwhile, someone else of the staff accepts it
        var queue = await (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/orders")).ShouldHaveStatus(200)).Json();
        var subOrderId = queue["items"]!.AsArray().Single(s => s!["orderNumber"]!.GetValue<string>() == number)!["id"]!.GetValue<Guid>();
        await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/orders/{subOrderId}/accept")).ShouldHaveStatus(200);
        await order.GetByRole(AriaRole.Button, new() { Name = "Accepter la commande" }).ClickAsync();
        (await CoopSpaceData.AlertAsync(page)).Should().StartWith("Cette commande a déjà changé d'étape");

        await page.GotoAsync($"/coop/{coop.Id}/orders?status=accepted");
        (await order.Locator("[data-testid=status]").TextContentAsync()).Should().Be("Acceptée");
        await order.GetByLabel("Numéro de suivi").FillAsync("RR987654321MA");
        await order.GetByRole(AriaRole.Button, new() { Name = "Marquer comme expédiée" }).ClickAsync();
        (await order.Locator("[data-valmsg-for='Carrier']").TextContentAsync()).Should().StartWith("Indiquez le transporteur");
        (await order.GetByLabel("Numéro de suivi").InputValueAsync()).Should().Be("RR987654321MA", "what was typed stays");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-order-ship-refused-fr-phone");
        await order.GetByLabel("Transporteur").FillAsync("CTM Messagerie");
        await order.GetByRole(AriaRole.Button, new() { Name = "Marquer comme expédiée" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be($"Commande {number} marquée comme expédiée.");

        await page.GotoAsync($"/coop/{coop.Id}/orders?status=shipped");
        await order.GetByLabel("Argent encaissé (dirhams)").FillAsync("cent vingt");
        await order.GetByRole(AriaRole.Button, new() { Name = "Marquer comme livrée" }).ClickAsync();
        (await order.Locator("[data-valmsg-for='CashCollected']").TextContentAsync()).Should().StartWith("Entrez la somme encaissée en dirhams");
        (await order.GetByLabel("Argent encaissé (dirhams)").InputValueAsync()).Should().Be("cent vingt");
        (await order.Locator("[data-testid=status]").TextContentAsync()).Should().Be("Expédiée", "nothing changed");
        await order.GetByLabel("Argent encaissé (dirhams)").FillAsync("120,00");
        await order.GetByRole(AriaRole.Button, new() { Name = "Marquer comme livrée" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Contain(number);
        (await page.GotoAsync($"/coop/{coop.Id}/orders?status=delivered"))!.Status.Should().Be(200);
        (await order.TextContentAsync()).Should().Contain("Argent encaissé : 120,00 MAD").And.Contain("CTM Messagerie");
    }
}
