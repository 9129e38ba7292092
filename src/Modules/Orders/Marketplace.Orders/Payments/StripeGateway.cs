using Marketplace.BuildingBlocks;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Orders.Payments;

/// <summary>Stripe through Stripe.net: a PaymentIntent per card order (amount in centimes, currency mad).</summary>
internal sealed class StripeGateway : IPaymentGateway
{
    private readonly StripeOptions options;
    private readonly Lazy<StripeClient> client;

    public StripeGateway(IOptions<StripeOptions> options, IHttpClientFactory http)
    {
        this.options = options.Value;
        client = new Lazy<StripeClient>(() => new StripeClient(new StripeClientOptions
        {
            ApiKey = this.options.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(this.options.ApiBase) ? null : this.options.ApiBase.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(http.CreateClient("stripe"), maxNetworkRetries: 2),
        }));
    }

    public string Name => "stripe";
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.SecretKey);

    public async Task<PaymentRequest> RequestPaymentAsync(Guid orderId, string orderNumber, Money amount, string idempotencyKey,
        CancellationToken ct)
    {
        var intent = await CallAsync(() => client.Value.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = amount.ToMinorUnits(),
            Currency = amount.Currency.ToLowerInvariant(),
            Description = $"Order {orderNumber}",
            Metadata = new Dictionary<string, string> { ["orderId"] = orderId.ToString(), ["orderNumber"] = orderNumber },
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct));
        return new PaymentRequest(intent.Id, intent.ClientSecret);
    }

    public async Task<bool> CancelPaymentAsync(string reference, CancellationToken ct)
    {
        try
        {
            await client.Value.V1.PaymentIntents.CancelAsync(reference, new PaymentIntentCancelOptions(), null, ct);
            return true;
        }
        catch (StripeException e) when (e.StripeError?.Code == "payment_intent_unexpected_state")
        {
            var intent = await CallAsync(() => client.Value.V1.PaymentIntents.GetAsync(reference, null, null, ct));
            return intent.Status switch
            {
                "canceled" => true,
                "succeeded" or "processing" => false,
                _ => throw PaymentGatewayErrors.NotCancellable(reference, intent.Status),
            };
        }
        catch (Exception e) when (e is StripeException or HttpRequestException)
        {
            throw PaymentGatewayErrors.Unreachable();
        }
    }

    public async Task<string> RefundAsync(string reference, Money amount, Guid orderId, string idempotencyKey, CancellationToken ct)
    {
        var refund = await CallAsync(() => client.Value.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = reference,
            Amount = amount.ToMinorUnits(),
            Metadata = new Dictionary<string, string> { ["orderId"] = orderId.ToString() },
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct));
        return refund.Id;
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is StripeException or HttpRequestException)
        {
            throw PaymentGatewayErrors.Unreachable();
        }
    }
}
