using System.Net;
using Marketplace.BuildingBlocks;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Orders.Payments;

/// <summary>
/// Stripe through Stripe.net (amounts in centimes, currency mad): a PaymentIntent per card order for API clients, a
/// Checkout Session (Stripe's hosted payment page) per attempt for the website.
/// </summary>
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
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct), ct);
        return new PaymentRequest(intent.Id, intent.ClientSecret);
    }

    /// <summary>A Stripe Checkout Session (mode payment, in MAD): the order rides on it and on its PaymentIntent.</summary>
    public async Task<PaymentRequest> OpenHostedPaymentAsync(HostedPaymentRequest request, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string> { ["orderId"] = request.OrderId.ToString(), ["orderNumber"] = request.OrderNumber };
        var session = await CallAsync(() => client.Value.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.OrderId.ToString(),
            Metadata = metadata,
            PaymentIntentData = new Stripe.Checkout.SessionPaymentIntentDataOptions { Metadata = metadata, Description = $"Order {request.OrderNumber}" },
            LineItems = request.Lines.Select(l => new Stripe.Checkout.SessionLineItemOptions
            {
                Quantity = l.Quantity,
                PriceData = new Stripe.Checkout.SessionLineItemPriceDataOptions
                {
                    Currency = l.UnitPrice.Currency.ToLowerInvariant(), UnitAmount = l.UnitPrice.ToMinorUnits(),
                    ProductData = new Stripe.Checkout.SessionLineItemPriceDataProductDataOptions { Name = l.Name },
                },
            }).ToList(),
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            ExpiresAt = request.ExpiresAt.UtcDateTime,
            Locale = request.Language is "fr" or "en" ? request.Language : "auto",
        }, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, ct), ct);
        return new PaymentRequest(session.Id, null, session.Url);
    }

    public async Task<GatewayPayment> GetPaymentAsync(string reference, CancellationToken ct)
    {
        if (!IsSession(reference)) return Of(await CallAsync(() => client.Value.V1.PaymentIntents.GetAsync(reference, null, null, ct), ct));
        var session = await CallAsync(() => client.Value.V1.Checkout.Sessions.GetAsync(reference, null, null, ct), ct);
        return session.PaymentIntentId is { Length: > 0 } intent ? await GetPaymentAsync(intent, ct)
            : new GatewayPayment(reference, session.Status == "expired" ? "canceled" : "requires_payment_method", null);
    }

    public async Task<GatewayPayment> CancelPaymentAsync(string reference, CancellationToken ct)
    {
        if (IsSession(reference))
        {
            try
            {
                await CallAsync(() => client.Value.V1.Checkout.Sessions.ExpireAsync(reference, null, null, ct), ct);
                return new GatewayPayment(reference, "canceled", null);
            }
            catch (PaymentGatewayRefused)
            {
                var session = await GetPaymentAsync(reference, ct); // expired already, or paid: its PaymentIntent says
                return session.Canceled || session.Succeeded || session.Status == "processing" ? session
                    : throw PaymentGatewayErrors.NotCancellable(reference, session.Status);
            }
        }
        try
        {
            return Of(await CallAsync(() => client.Value.V1.PaymentIntents.CancelAsync(reference, new PaymentIntentCancelOptions(), null, ct), ct));
        }
        catch (PaymentGatewayRefused e) when (e.Code == "payment_intent_unexpected_state")
        {
            var intent = await GetPaymentAsync(reference, ct); // canceled already, succeeded, processing...
            return intent.Canceled || intent.Succeeded || intent.Status == "processing" ? intent
                : throw PaymentGatewayErrors.NotCancellable(reference, intent.Status);
        }
    }

    public async Task<string> RefundAsync(string reference, Money amount, Guid orderId, string idempotencyKey, CancellationToken ct)
    {
        var refund = await CallAsync(() => client.Value.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = reference,
            Amount = amount.ToMinorUnits(),
            Metadata = new Dictionary<string, string> { ["orderId"] = orderId.ToString(), ["refundKey"] = idempotencyKey },
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct), ct);
        return refund.Id;
    }

    public async Task<IReadOnlyList<GatewayRefund>> ListRefundsAsync(string reference, CancellationToken ct)
    {
        var refunds = await CallAsync(() => client.Value.V1.Refunds.ListAsync(new RefundListOptions { PaymentIntent = reference, Limit = 100 },
            null, ct), ct);
        return refunds.Data.Select(r => new GatewayRefund(r.Id, Money.FromMinorUnits(r.Amount, r.Currency.ToUpperInvariant()),
            r.Metadata?.GetValueOrDefault("refundKey"), r.Status)).ToList();
    }

    private static bool IsSession(string reference) => reference.StartsWith("cs_", StringComparison.Ordinal);

    private static GatewayPayment Of(PaymentIntent intent) => new(intent.Id, intent.Status,
        intent.Status == "succeeded" ? Money.FromMinorUnits(intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount,
            intent.Currency.ToUpperInvariant()) : null);

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (StripeException e) when (!IsTransient(e))
        {
            throw new PaymentGatewayRefused(e.StripeError?.Code ?? e.StripeError?.Type ?? "refused", e.StripeError?.Message ?? e.Message);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw PaymentGatewayErrors.Unreachable();
        }
    }

    /// <summary>
    /// Worth trying again: Stripe unreachable, overloaded or failing on its side (network, 5xx, 429, a lock timeout), or an
    /// idempotent request still in flight, or keys being changed (401). Anything else (an invalid request, a refund of a refunded charge) is a refusal.
    /// </summary>
    internal static bool IsTransient(StripeException e) =>
        e.HttpStatusCode is 0 or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized
            or >= HttpStatusCode.InternalServerError
        || e.StripeError?.Type is null or "api_error" or "rate_limit_error" or "api_connection_error" or "authentication_error" or "idempotency_error"
        || e.StripeError?.Code is "lock_timeout" or "rate_limit";
}
