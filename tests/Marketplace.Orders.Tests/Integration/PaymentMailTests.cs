namespace Marketplace.Orders.Tests.Integration;

/// <summary>The platform with Stripe's fake, e-mail to smtp4dev, Hangfire's server on, and the administrators' alerts every 2 s.</summary>
public sealed class OrdersMailApp : OrdersApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Marketplace:Jobs:Server"] = "true";
        Smtp4dev.SendMailHere(settings);
        settings["Marketplace:Notifications:AlertsCron"] = "*/2 * * * * *";
    }
}

/// <summary>API.md "Notifications" for card payments: the confirmation waits for the payment; a payment refunded for not matching is told to administrators.</summary>
public sealed class PaymentMailTests(OrdersMailApp app) : IClassFixture<OrdersMailApp>
{
    [Fact]
    public async Task A_card_order_is_confirmed_to_the_shopper_and_sent_to_the_cooperative_once_paid_not_when_placed()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 150m, stock: 5);
        var shopper = await app.NewShopperAsync("card-mail");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 1)));
        var number = order.Str("number");
        await app.Events.WaitForAsync<Marketplace.Orders.Contracts.OrderPlacedIntegrationEvent>(e => e.OrderId == order.Id());
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await Smtp4dev.ToAsync(shopper.Email)).Should().BeEmpty("an unpaid card order is not confirmed");
        (await Smtp4dev.ToAsync(coop.Owner.Email)).Where(m => m.Subject.Contains(number)).Should().BeEmpty("nothing to prepare before payment");

        var secret = order["payment"]!.Str("clientSecret");
        await (await app.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var confirmation = (await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject.Contains(number))).Single();
        confirmation.Subject.Should().Be($"Commande {number} confirmée");
        (await Smtp4dev.TextAsync(confirmation)).Should().Contain("payée par carte");
        (await Smtp4dev.WaitForAsync(coop.Owner.Email, m => m.Subject.Contains(number))).Single().Subject.Should().Be($"Nouvelle commande {number} à préparer");
    }

    [Fact]
    public async Task Administrators_are_told_once_of_a_payment_refunded_because_its_amount_did_not_match()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 120m, stock: 5);
        var shopper = await app.NewShopperAsync("mismatch");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 1)));
        var secret = order["payment"]!.Str("clientSecret");
        var intentId = secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)];

        var wrong = app.Stripe.Succeed(intentId, amountReceived: 100);
        await (await wrong.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);

        var alert = (await Smtp4dev.WaitForAsync(MarketplaceApp.AdminEmail, m => m.Subject.Contains(intentId))).Single();
        alert.Subject.Should().Be($"Paiement remboursé automatiquement : {intentId}");
        (await Smtp4dev.TextAsync(alert)).Should().Contain(order.Str("number")).And.Contain("/admin/payments");
        await (await wrong.DeliverAsync(app.Anonymous())).ShouldHaveStatus(200); // the webhook again
        await Task.Delay(TimeSpan.FromSeconds(5)); // the alerts run every 2 s: still one mail
        (await Smtp4dev.ToAsync(MarketplaceApp.AdminEmail)).Count(m => m.Subject.Contains(intentId)).Should().Be(1);
        (await Smtp4dev.ToAsync(shopper.Email)).Should().BeEmpty("the order is not paid: nothing is confirmed");
    }
}
