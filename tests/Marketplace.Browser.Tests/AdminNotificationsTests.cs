using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The platform sending its e-mail through a fault in front of smtp4dev, giving a message up after one attempt.</summary>
public sealed class MailBrowserApp : BrowserApp
{
    public FlakySmtp Smtp { get; } = new() { Failing = true };

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        Smtp4dev.SendMailHere(settings, Smtp.Port);
        settings["Marketplace:Jobs:Server"] = "true";
        settings["Marketplace:Notifications:MaxAttempts"] = "1";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>An administrator finds a confirmation the mail server refused, and sends it again once the server is back.</summary>
public sealed class AdminNotificationsTests(MailBrowserApp app) : IClassFixture<MailBrowserApp>
{
    [Fact]
    public async Task An_administrator_sends_again_a_mail_given_up_while_the_server_was_down()
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(coop, 80m, stock: 5);
        var shopper = await app.NewShopperAsync("mail-down");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
        var number = order.Str("number");
        var page = await app.AdminPageAsync(phone: true, "fr");

        var row = page.Locator("[data-testid=messages] tr[data-state=failed]", new() { HasText = shopper.Email });
        await Poll.UntilAsync(async () => { await page.GotoAsync("/admin/notifications?state=failed"); return await row.CountAsync(); },
            n => n == 1, what: "the confirmation given up");
        (await row.InnerTextAsync()).Should().Contain($"Commande {number} confirmée").And.Contain("Abandonné (1)").And.Contain("Service not available");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "admin-notifications-failed-fr-phone");

        app.Smtp.Failing = false;
        await row.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" }).ClickAsync();
        (await page.Locator("main [role=status]").TextContentAsync()).Should().Be("Le message est de nouveau à envoyer.");
        await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject == $"Commande {number} confirmée");
        var sent = page.Locator("[data-testid=messages] tr[data-state=sent]", new() { HasText = shopper.Email });
        await Poll.UntilAsync(async () => { await page.GotoAsync("/admin/notifications?state=sent"); return await sent.CountAsync(); },
            n => n == 1, what: "the confirmation sent");
        (await Smtp4dev.ToAsync(shopper.Email)).Should().ContainSingle();
    }
}
