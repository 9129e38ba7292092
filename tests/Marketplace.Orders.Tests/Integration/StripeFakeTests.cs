using Marketplace.Testing.Stripe;
using Stripe;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>The fake speaks Stripe's wire format well enough for Stripe.net itself: objects, errors, idempotency, signatures.</summary>
public sealed class StripeFakeTests : IAsyncLifetime
{
    private StripeFake fake = null!;
    private StripeClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await StripeFake.StartAsync();
        client = new StripeClient(new StripeClientOptions
        {
            ApiKey = fake.SecretKey, ApiBase = fake.ApiBase,
            HttpClient = new SystemNetHttpClient(new HttpClient(), maxNetworkRetries: 0),
        });
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private Task<PaymentIntent> CreateAsync(long amount, string key) => client.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
    {
        Amount = amount, Currency = "mad", Metadata = new() { ["orderId"] = "o-1" },
    }, new RequestOptions { IdempotencyKey = key });

    [Fact]
    public async Task A_payment_intent_is_created_read_and_cancelled_through_stripe_net()
    {
        var intent = await CreateAsync(12000, "k-1");
        intent.Id.Should().StartWith("pi_");
        intent.ClientSecret.Should().StartWith($"{intent.Id}_secret_");
        intent.Amount.Should().Be(12000);
        intent.Currency.Should().Be("mad");
        intent.Metadata["orderId"].Should().Be("o-1");
        intent.Status.Should().Be("requires_payment_method");
        (await client.V1.PaymentIntents.GetAsync(intent.Id)).ClientSecret.Should().Be(intent.ClientSecret);
        (await client.V1.PaymentIntents.CancelAsync(intent.Id)).Status.Should().Be("canceled");
        var again = await FluentActions.Awaiting(() => client.V1.PaymentIntents.CancelAsync(intent.Id)).Should().ThrowAsync<StripeException>();
        again.Which.StripeError.Code.Should().Be("payment_intent_unexpected_state");
        again.Which.StripeError.Type.Should().Be("invalid_request_error");
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_first_result_and_other_parameters_are_refused()
    {
        var first = await CreateAsync(5000, "k-2");
        (await CreateAsync(5000, "k-2")).Id.Should().Be(first.Id);
        fake.PaymentIntents.Should().ContainSingle();
        var refused = await FluentActions.Awaiting(() => CreateAsync(6000, "k-2")).Should().ThrowAsync<StripeException>();
        refused.Which.StripeError.Type.Should().Be("idempotency_error");
        refused.Which.HttpStatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_refund_needs_a_succeeded_payment_and_cannot_exceed_it()
    {
        var intent = await CreateAsync(3000, "k-3");
        await FluentActions.Awaiting(() => client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id }))
            .Should().ThrowAsync<StripeException>();
        fake.Succeed(intent.Id);
        var refund = await client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 3000 });
        refund.Id.Should().StartWith("re_");
        refund.Amount.Should().Be(3000);
        refund.PaymentIntentId.Should().Be(intent.Id);
        (await FluentActions.Awaiting(() => client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 1 }))
            .Should().ThrowAsync<StripeException>()).Which.StripeError.Code.Should().Be("charge_already_refunded");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_refused_as_stripe_does()
    {
        var stranger = new StripeClient(new StripeClientOptions
        {
            ApiKey = "sk_test_wrong", ApiBase = fake.ApiBase, HttpClient = new SystemNetHttpClient(new HttpClient(), maxNetworkRetries: 0),
        });
        (await FluentActions.Awaiting(() => stranger.V1.PaymentIntents.GetAsync("pi_1")).Should().ThrowAsync<StripeException>())
            .Which.HttpStatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Its_webhooks_verify_with_stripe_net_and_fail_with_another_secret()
    {
        var intent = await CreateAsync(4200, "k-4");
        var webhook = fake.Succeed(intent.Id);

        var e = EventUtility.ConstructEvent(webhook.Body, webhook.Signature, fake.WebhookSecret);

        e.Id.Should().Be(webhook.EventId);
        e.Type.Should().Be(EventTypes.PaymentIntentSucceeded);
        var paid = e.Data.Object.Should().BeOfType<PaymentIntent>().Subject;
        paid.Id.Should().Be(intent.Id);
        paid.AmountReceived.Should().Be(4200);
        paid.Metadata["orderId"].Should().Be("o-1");
        FluentActions.Invoking(() => EventUtility.ConstructEvent(webhook.Body, webhook.Signature, "whsec_other"))
            .Should().Throw<StripeException>();
        var stale = fake.Webhook("payment_intent.succeeded", new System.Text.Json.Nodes.JsonObject { ["id"] = "pi_x", ["object"] = "payment_intent" },
            signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));
        FluentActions.Invoking(() => EventUtility.ConstructEvent(stale.Body, stale.Signature, fake.WebhookSecret))
            .Should().Throw<StripeException>();
    }
}
