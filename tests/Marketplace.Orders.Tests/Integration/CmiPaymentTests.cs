using System.Text.Json.Nodes;
using Marketplace.Orders.Contracts;
using Marketplace.Testing.Cmi;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>The platform with CMI as its card provider (Marketplace__Payments__CardProvider=cmi), the CMI fake as its gateway.</summary>
public sealed class CmiOrdersApp : MarketplaceApp, IAsyncLifetime
{
    public CmiFake Cmi { get; private set; } = null!;
    public HttpMarket Market { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Cmi = await CmiFake.StartAsync();
        await base.InitializeAsync();
        Market = new HttpMarket(this);
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Payments:CardProvider"] = "cmi";
        settings["Marketplace:Cmi:ClientId"] = Cmi.ClientId;
        settings["Marketplace:Cmi:StoreKey"] = Cmi.StoreKey;
        settings["Marketplace:Cmi:GatewayUrl"] = Cmi.GatewayUrl;
        settings["Marketplace:PublicBaseUrl"] = "https://souss.example";
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Cmi.DisposeAsync();
    }
}

/// <summary>
/// Issue 15, CMI: the hosted-payment form our page posts, and the callback exactly as API.md describes it: a wrong hash is
/// FAILURE and changes nothing; approved with the order's amount pays once (ACTION=POSTAUTH), again and again; declined is
/// APPROVED with the failure recorded; another amount is never captured; a refund owed is flagged for a manual one.
/// </summary>
public sealed class CmiPaymentTests(CmiOrdersApp app) : IClassFixture<CmiOrdersApp>
{
    [Fact]
    public async Task Given_a_card_order_Then_its_payment_page_posts_the_cmi_form_with_a_ver3_hash_of_its_fields()
    {
        var (_, order, form) = await CardOrderAsync(132.5m);

        order["payment"]!["checkoutUrl"]!.GetValue<string>().Should().Be($"https://souss.example/orders/{order.Id()}/pay");
        form.GatewayUrl.Should().Be(app.Cmi.GatewayUrl);
        var fields = form.Fields.ToDictionary(f => f.Key, f => f.Value);
        (fields["storetype"], fields["TranType"], fields["currency"], fields["oid"], fields["amount"], fields["hashAlgorithm"])
            .Should().Be(("3D_PAY_HOSTING", "PreAuth", "504", order.Str("number"), "132.50", "ver3"));
        fields["callbackUrl"].Should().Be("https://souss.example/api/payments/cmi/callback");
        fields["okUrl"].Should().Be($"https://souss.example/api/payments/cmi/return/{order.Id()}?outcome=ok");
        fields["hash"].Should().Be(CmiFake.Hash(fields, app.Cmi.StoreKey), "the hash CMI computes from the form");
    }

    [Fact]
    public async Task Given_an_approved_callback_Then_the_order_is_paid_once_whatever_the_repeats_and_a_second_transaction_is_not_captured()
    {
        var (shopper, order, form) = await CardOrderAsync(90m);
        var approved = app.Cmi.CallbackFields(Fields(form), approved: true, transId: "77001");

        (await CallbackAsync(approved)).Should().Be("ACTION=POSTAUTH");
        (await CallbackAsync(approved)).Should().Be("ACTION=POSTAUTH", "told again: the same transaction");
        (await CallbackAsync(app.Cmi.CallbackFields(Fields(form), approved: true, transId: "77002"))).Should().Be("FAILURE", "a second one is not captured");

        var paid = await shopper.Client.OrderAsync(order.Id());
        (paid.Str("status"), paid["payment"]!.Str("status")).Should().Be(("paid", "paid"));
        await using var scope = app.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetShopperOrder(order.Id(), shopper.Id, false, "fr"));
        view.PaymentStatus.Should().Be("paid");
    }

    [Fact]
    public async Task Given_a_callback_with_a_wrong_hash_Then_FAILURE_and_nothing_changes()
    {
        var (shopper, order, form) = await CardOrderAsync(40m);
        var forged = app.Cmi.CallbackFields(Fields(form), approved: true);
        forged["HASH"] = CmiFake.Hash(forged, "not-the-store-key");

        (await CallbackAsync(forged)).Should().Be("FAILURE");
        var tampered = app.Cmi.CallbackFields(Fields(form), approved: true);
        tampered["amount"] = "0.01";
        (await CallbackAsync(tampered)).Should().Be("FAILURE");

        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("pending_payment");
    }

    [Fact]
    public async Task Given_a_declined_payment_Then_APPROVED_the_failure_is_recorded_and_the_order_stays_payable()
    {
        var (shopper, order, form) = await CardOrderAsync(75m);

        (await CallbackAsync(app.Cmi.CallbackFields(Fields(form), approved: false))).Should().Be("APPROVED");

        var after = await shopper.Client.OrderAsync(order.Id());
        (after.Str("status"), after["payment"]!.Str("status")).Should().Be(("pending_payment", "failed"));
        after["payment"]!.Str("lastFailure").Should().Contain("Declined");
    }

    [Fact]
    public async Task Given_an_approved_callback_of_another_amount_Then_it_is_never_captured_and_the_order_stays_unpaid()
    {
        var (shopper, order, form) = await CardOrderAsync(60m);
        var fields = Fields(form);
        fields["amount"] = "6.00";

        (await CallbackAsync(app.Cmi.CallbackFields(fields, approved: true))).Should().Be("FAILURE");

        var after = await shopper.Client.OrderAsync(order.Id());
        after.Str("status").Should().Be("pending_payment");
        after["payment"]!.Str("lastFailure").Should().StartWith("amount_mismatch");
    }

    [Fact]
    public async Task Given_a_paid_cmi_order_When_cancelled_Then_its_refund_is_flagged_for_a_manual_one_with_its_amount_and_reference()
    {
        var (shopper, order, form) = await CardOrderAsync(110m);
        (await CallbackAsync(app.Cmi.CallbackFields(Fields(form), approved: true, transId: "88123"))).Should().Be("ACTION=POSTAUTH");

        await (await shopper.Client.PostJson($"/api/orders/{order.Id()}/cancel")).ShouldHaveStatus(200);

        var problems = await (await (await app.AdminAsync()).Client.GetAsync("/api/admin/payments/problems")).Json();
        var flagged = problems["blockedRefunds"]!.AsArray().Single(b => b!["orderId"]!.GetValue<Guid>() == order.Id())!;
        (flagged["amount"]!.GetValue<decimal>(), flagged["paymentReference"]!.GetValue<string>()).Should().Be((110m, "88123"));
        flagged["lastError"]!.GetValue<string>().Should().Contain("manual_refund");
        (await shopper.Client.OrderAsync(order.Id()))["payment"]!.Str("status").Should().Be("refund_pending");
    }

    private async Task<string> CallbackAsync(IReadOnlyDictionary<string, string> fields)
    {
        var response = await app.Anonymous().PostAsync("/api/payments/cmi/callback", new FormUrlEncodedContent(fields));
        return await (await response.ShouldHaveStatus(200)).Content.ReadAsStringAsync();
    }

    private static Dictionary<string, string> Fields(CardPaymentForm form) => form.Fields.ToDictionary(f => f.Key, f => f.Value);

    private async Task<(TestUser Shopper, JsonNode Order, CardPaymentForm Form)> CardOrderAsync(decimal price)
    {
        var oil = await app.Market.NewProductAsync(await app.Market.NewCooperativeAsync(), price, stock: 5);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 1)));
        await using var scope = app.Services.CreateAsyncScope();
        var form = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetCardPaymentForm(order.Id(), shopper.Id, "fr"));
        return (shopper, order, form);
    }
}
