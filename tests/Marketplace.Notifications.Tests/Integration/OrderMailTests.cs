using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Notifications.Tests.Integration;

/// <summary>
/// E-mails through a real SMTP server (smtp4dev, read through its API) and SMS through the provider's HTTP API, sent by
/// Hangfire jobs from the modules' integration events, as API.md's "Notifications" lists them.
/// </summary>
public sealed class OrderMailTests(MailApp app) : IClassFixture<MailApp>
{
    private const string CoopPhone = "+212 6 12 34 56 78";

    [Fact]
    public async Task A_cart_from_three_cooperatives_gets_one_confirmation_and_each_cooperative_its_own_mail_and_sms()
    {
        var cooperatives = new[] { await app.Market.NewCooperativeAsync(), await app.Market.NewCooperativeAsync(), await app.Market.NewCooperativeAsync() };
        var products = new List<MarketProduct>();
        foreach (var c in cooperatives) products.Add(await app.Market.NewProductAsync(c, 80m, 10));
        var shopper = await app.NewShopperAsync("three-coops");
        var sessions = app.Smtp.Passed;

        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (products[0], 1), (products[1], 2), (products[2], 1)));
        var number = order.Str("number");

        foreach (var cooperative in cooperatives)
        {
            var mail = (await Smtp4dev.WaitForAsync(cooperative.Owner.Email, m => m.Subject.Contains(number))).Should().ContainSingle().Subject;
            mail.Subject.Should().Be($"Nouvelle commande {number} à préparer");
            (await Smtp4dev.HtmlAsync(mail)).Should().Contain($"https://coop.example.ma/coop/{cooperative.Id}/orders");
        }
        var confirmation = (await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject.Contains(number))).Single();
        confirmation.From.Should().Contain("no-reply@test.souss-massa.ma");
        confirmation.Subject.Should().Be($"Commande {number} confirmée");
        var html = await Smtp4dev.HtmlAsync(confirmation);
        html.Should().Contain($"https://coop.example.ma/orders/{order.Id()}").And.Contain("Coopératives du Souss-Massa").And.Contain("lang=\"fr\"");
        foreach (var p in products) html.Should().Contain(p.Sku);
        (await Smtp4dev.TextAsync(confirmation)).Should().Contain(number).And.Contain("320.00 MAD").And.Contain($"https://coop.example.ma/orders/{order.Id()}");
        await Poll.UntilAsync(() => Task.FromResult(app.SmsGateway.Received.Count(s => s.Text.Contains(number))), n => n >= 3, what: "3 SMS");

        await Task.Delay(TimeSpan.FromSeconds(2)); // nothing more comes later
        (await Smtp4dev.ToAsync(shopper.Email)).Should().ContainSingle(m => m.Subject.Contains(number));
        (app.Smtp.Passed - sessions).Should().BeLessThan(4, "the order's seven e-mails go over one SMTP connection (one more may be another job's)");
        var sms = app.SmsGateway.Received.Where(s => s.Text.Contains(number)).ToList();
        sms.Should().HaveCount(3).And.OnlyContain(s => s.Authorization == "Bearer sms-token-1");
        sms.Select(s => s.To.Replace(" ", "")).Should().AllBe(CoopPhone.Replace(" ", ""), "each cooperative's phone");
    }

    [Fact]
    public async Task Each_recipient_reads_in_their_own_language_arabic_right_to_left()
    {
        var cooperative = await app.Market.NewCooperativeAsync();
        var product = await app.Market.NewProductAsync(cooperative, 50m, 10);
        var shopper = await RegisterAsync("arabic-reader", "ar");

        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
        var number = order.Str("number");

        var confirmation = (await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject.Contains(number))).Single();
        confirmation.Subject.Should().Be($"تم تأكيد الطلب {number}");
        var html = await Smtp4dev.HtmlAsync(confirmation);
        html.Should().Contain("lang=\"ar\"").And.Contain("dir=\"rtl\"").And.Contain("تعاونيات سوس ماسة").And.Contain("زيت الأركان الغذائي");
        (await Smtp4dev.TextAsync(confirmation)).Should().Contain("شكراً");
        (await Smtp4dev.WaitForAsync(cooperative.Owner.Email, m => m.Subject.Contains(number))).Single().Subject
            .Should().StartWith("Nouvelle commande", "the cooperative's owner registered in French");

        // The shopper switches to English: the next message is in English.
        await (await shopper.Client.PutJson("/api/accounts/me/notifications", new { language = "en" })).ShouldHaveStatus(200);
        await cooperative.MoveAsync(order.SubOrderOf(cooperative).Id(), "accept");
        (await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject.Contains("is preparing your order"))).Single().Subject
            .Should().EndWith($"is preparing your order {number}");
    }

    [Fact]
    public async Task The_shopper_is_told_when_the_cooperative_accepts_ships_and_delivers_with_an_sms_at_delivery()
    {
        var cooperative = await app.Market.NewCooperativeAsync();
        var product = await app.Market.NewProductAsync(cooperative, 120m, 10);
        var shopper = await app.NewShopperAsync("follows-steps");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
        var number = order.Str("number");
        var subOrderId = order.SubOrderOf(cooperative).Id();

        await cooperative.MoveAsync(subOrderId, "accept");
        await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject.Contains("prépare votre commande"));
        await cooperative.MoveAsync(subOrderId, "ship", Shop.Shipment("AMANA-778899"));
        var shipped = (await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject == $"Votre commande {number} est en route")).Single();
        (await Smtp4dev.TextAsync(shipped)).Should().Contain("Amana").And.Contain("AMANA-778899");
        await cooperative.MoveAsync(subOrderId, "deliver");
        await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject == $"Commande {number} livrée");
        var sms = await Poll.UntilAsync(() => Task.FromResult(app.SmsGateway.Received.FirstOrDefault(s => s.Text.Contains(number) && s.Text.Contains("livrée"))),
            s => s is not null, what: "the delivery SMS");
        sms!.To.Should().Be("+212 600 000 000", "the phone of the shipping address");

        (await Smtp4dev.ToAsync(shopper.Email)).Select(m => m.Subject).Should().HaveCount(4, "confirmation, accepted, shipped, delivered");
    }

    [Fact]
    public async Task An_event_delivered_twice_and_at_the_same_moment_sends_one_mail()
    {
        var cooperative = await app.Market.NewCooperativeAsync();
        var product = await app.Market.NewProductAsync(cooperative, 60m, 10);
        var shopper = await app.NewShopperAsync("redelivered");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
        var accepted = new SubOrderAcceptedIntegrationEvent(Guid.NewGuid(), order.Id(), order.SubOrderOf(cooperative).Id(), DateTimeOffset.UtcNow);
        var receivers = app.Services.GetRequiredService<OutboxReceivers>();

        // The outbox delivers at least once: here three times at once, then once more later.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => receivers.DeliverAsync("notifications", accepted, CancellationToken.None)));
        await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject.Contains("prépare votre commande"));
        await receivers.DeliverAsync("notifications", accepted, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(3));
        (await Smtp4dev.ToAsync(shopper.Email)).Where(m => m.Subject.Contains("prépare votre commande")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_failing_mail_server_is_retried_later_and_never_blocks_the_order()
    {
        var cooperative = await app.Market.NewCooperativeAsync();
        var product = await app.Market.NewProductAsync(cooperative, 70m, 10);
        var shopper = await app.NewShopperAsync("smtp-down");
        app.Smtp.Failing = true;
        try
        {
            var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1))); // 201 while the server fails
            var admin = (await app.AdminAsync()).Client;
            var waiting = await Poll.UntilAsync(() => MessageToAsync(admin, shopper.Email),
                m => m is not null && m["attempts"]!.GetValue<int>() >= 2 && m["state"]!.GetValue<string>() == "pending", what: "two failed attempts");
            waiting!["lastError"]!.GetValue<string>().Should().Contain("Service not available");
            (await Smtp4dev.ToAsync(shopper.Email)).Should().BeEmpty();

            app.Smtp.Failing = false;
            await Smtp4dev.WaitForAsync(shopper.Email, m => m.Subject.Contains(order.Str("number")));
            var sent = await Poll.UntilAsync(() => MessageToAsync(admin, shopper.Email), m => m!["state"]!.GetValue<string>() == "sent", what: "sent");
            sent!["attempts"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(3);
            (await Smtp4dev.ToAsync(shopper.Email)).Should().ContainSingle();
        }
        finally { app.Smtp.Failing = false; }
    }

    [Fact]
    public async Task A_mail_given_up_after_its_last_attempt_is_sent_again_once_by_an_administrator()
    {
        var cooperative = await app.Market.NewCooperativeAsync();
        var product = await app.Market.NewProductAsync(cooperative, 55m, 10);
        var shopper = await app.NewShopperAsync("given-up");
        var admin = (await app.AdminAsync()).Client;
        app.Smtp.Failing = true;
        JsonNode failed;
        try
        {
            await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
            failed = (await Poll.UntilAsync(() => MessageToAsync(admin, shopper.Email), m => m?["state"]!.GetValue<string>() == "failed",
                TimeSpan.FromSeconds(60), "the confirmation given up after 5 attempts"))!;
            failed["attempts"]!.GetValue<int>().Should().Be(5);
            await (await admin.PostJson($"/api/admin/notifications/{Uri.EscapeDataString(Guid.NewGuid().ToString())}/retry")).ShouldBeProblem(404);
        }
        finally { app.Smtp.Failing = false; }

        var id = Uri.EscapeDataString(failed["id"]!.GetValue<string>());
        var retried = await Task.WhenAll(admin.PostJson($"/api/admin/notifications/{id}/retry"), admin.PostJson($"/api/admin/notifications/{id}/retry"));
        retried.Select(r => (int)r.StatusCode).Should().Contain(200).And.OnlyContain(s => s == 200 || s == 409, "two administrators at once: one retry");
        await Smtp4dev.WaitForAsync(shopper.Email);
        await Poll.UntilAsync(() => MessageToAsync(admin, shopper.Email), m => m?["state"]!.GetValue<string>() == "sent", what: "sent");
        await (await admin.PostJson($"/api/admin/notifications/{id}/retry")).ShouldBeProblem(409);
        (await Smtp4dev.ToAsync(shopper.Email)).Should().ContainSingle();
    }

    [Fact]
    public async Task Administrators_hear_of_a_cooperative_applying()
    {
        var owner = await app.NewShopperAsync("applicant");
        var name = $"Coopérative Tamount {Guid.NewGuid():N}"[..30];
        var applied = await (await (await owner.Client.PostJson("/api/cooperatives", new
        {
            name = new { fr = name }, registrationNumber = $"RC-{Guid.NewGuid():N}"[..20], province = "tiznit", sectors = new[] { "argan" },
            contactEmail = owner.Email, phone = "0528861234", description = new { fr = "Huile d'argan" },
        })).ShouldHaveStatus(201)).Json();
        var mail = (await Smtp4dev.WaitForAsync(MarketplaceApp.AdminEmail, m => m.Subject.Contains(name))).Single();
        mail.Subject.Should().Be($"Nouvelle coopérative à vérifier : {name}");
        (await Smtp4dev.HtmlAsync(mail)).Should().Contain($"https://coop.example.ma/admin/cooperatives/{applied["id"]}");
    }

    [Fact]
    public async Task Administrators_are_told_once_when_an_integration_event_is_parked_for_a_receiver()
    {
        var cooperative = await app.Market.NewCooperativeAsync();
        var product = await app.Market.NewProductAsync(cooperative, 45m, 10);
        var shopper = await app.NewShopperAsync("parks-catalogue");
        var before = (await Smtp4dev.ToAsync(MarketplaceApp.AdminEmail)).Count(m => m.Subject.StartsWith("Événement en attente"));
        var admin = (await app.AdminAsync()).Client;

        await using (await app.Faults.FailAsync("catalogue.mt_events", DatabaseFaults.Always, product.Id.ToString(), "catalogue.stock_sold"))
        {
            await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (product, 1)));
            var alert = (await Smtp4dev.WaitForAsync(MarketplaceApp.AdminEmail, m => m.Subject.StartsWith("Événement en attente"), before + 1,
                TimeSpan.FromSeconds(90))).Last();
            alert.Subject.Should().Be("Événement en attente : catalogue n'a pas pris orders.order_placed");
            (await Smtp4dev.TextAsync(alert)).Should().Contain("https://coop.example.ma/admin/outbox");
            await Task.Delay(TimeSpan.FromSeconds(5)); // the alert job runs every 2 s: the same parked event is told once
            (await Smtp4dev.ToAsync(MarketplaceApp.AdminEmail)).Count(m => m.Subject.StartsWith("Événement en attente")).Should().Be(before + 1);
        }
        await (await admin.PostJson("/api/admin/outbox/undelivered/replay")).ShouldHaveStatus(200);
        await Poll.UntilAsync(() => app.Market.AvailableAsync(product.Id), stock => stock == 9, what: "the sale taken after the replay");
    }

    [Fact]
    public async Task Marketing_mails_are_off_until_the_user_turns_them_on_and_bad_settings_are_refused()
    {
        var user = await app.NewShopperAsync("settings");
        var initial = await (await (await user.Client.GetAsync("/api/accounts/me/notifications")).ShouldHaveStatus(200)).Json();
        initial["marketing"]!.GetValue<bool>().Should().BeFalse();
        initial["language"]!.GetValue<string>().Should().Be("fr");

        await (await user.Client.PutJson("/api/accounts/me/notifications", new { marketing = true })).ShouldHaveStatus(200);
        (await (await user.Client.GetAsync("/api/accounts/me/notifications")).Json())["marketing"]!.GetValue<bool>().Should().BeTrue();

        await (await user.Client.PutJson("/api/accounts/me/notifications", new { language = "de" })).ShouldBeValidationProblem("language");
        await (await user.Client.PutJson("/api/accounts/me/notifications", new { })).ShouldBeValidationProblem("marketing");
        (await (await user.Client.GetAsync("/api/accounts/me/notifications")).Json())["language"]!.GetValue<string>().Should().Be("fr");
        await (await app.Anonymous().GetAsync("/api/accounts/me/notifications")).ShouldBeProblem(401);
    }

    private static async Task<JsonNode?> MessageToAsync(HttpClient admin, string email)
    {
        var page = await (await (await admin.GetAsync("/api/admin/notifications?pageSize=100")).ShouldHaveStatus(200)).Json();
        return page["items"]!.AsArray().FirstOrDefault(m => m!["to"]!.GetValue<string>() == email);
    }

    private async Task<TestUser> RegisterAsync(string name, string language)
    {
        var email = $"{name}-{Guid.NewGuid():N}@test.ma";
        var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await (await client.PostAsJsonAsync("/api/accounts/register", new { email, password = Testing.Accounts.Password, displayName = name })).ShouldHaveStatus(201);
        return await Testing.Accounts.SignInAsync(app.Anonymous, email, Testing.Accounts.Password);
    }
}
