using Marketplace.BuildingBlocks;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Orders.Payments;

/// <summary>
/// POST /api/payments/stripe/webhook: the signature is checked on the raw body with Stripe.net (a bad or stale one is a
/// 400 and changes nothing); payment_intent.succeeded and payment_intent.payment_failed, charge.refunded (refunds made in
/// Stripe's dashboard), charge.dispute.created and charge.dispute.closed are recorded once per event id; other event types
/// are acknowledged and ignored.
/// </summary>
internal static class StripeWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/api/payments/stripe/webhook", Receive)
        .AllowAnonymous()
        .WithTags("Payments")
        .WithSummary("Stripe's webhook (signed with the webhook secret)");

    private static async Task<IResult> Receive(HttpContext http, IMediator mediator, IOptions<StripeOptions> options, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
            throw new ValidationFailed("Stripe-Signature", "Stripe webhooks are not configured on this platform.");
        using var reader = new StreamReader(http.Request.Body);
        var json = await reader.ReadToEndAsync(ct);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, http.Request.Headers["Stripe-Signature"].ToString(), secret,
                options.Value.WebhookToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is StripeException or Newtonsoft.Json.JsonException or ArgumentException or FormatException)
        {
            loggers.CreateLogger("Marketplace.Orders.StripeWebhook").LogWarning("Stripe webhook refused: {Reason}", e.Message);
            throw new ValidationFailed("Stripe-Signature", "The webhook's signature is missing, wrong or too old.");
        }
        if (Outcome(stripeEvent) is { } outcome) await mediator.Send(outcome, ct);
        else if (stripeEvent is { Type: EventTypes.ChargeRefunded, Data.Object: Charge { PaymentIntentId: { Length: > 0 } intent } })
            await mediator.Send(new RecordChargeRefunded("stripe", stripeEvent.Id, intent), ct);
        else if (stripeEvent.Data?.Object is Dispute { PaymentIntentId: { Length: > 0 } disputed } dispute
                 && stripeEvent.Type is EventTypes.ChargeDisputeCreated or EventTypes.ChargeDisputeClosed)
            await mediator.Send(new RecordDispute("stripe", stripeEvent.Id, disputed, dispute.Id,
                Money.FromMinorUnits(dispute.Amount, dispute.Currency.ToUpperInvariant()), stripeEvent.Type == EventTypes.ChargeDisputeClosed,
                dispute.Status is "won" or "warning_closed"), ct);
        return TypedResults.Ok(new { received = true });
    }

    private static RecordPaymentOutcome? Outcome(Event e)
    {
        if (e.Data?.Object is Stripe.Checkout.Session session) return SessionOutcome(e, session);
        if (e.Data?.Object is not PaymentIntent intent
            || !(intent.Metadata?.TryGetValue("orderId", out var id) ?? false) || !Guid.TryParse(id, out var orderId))
            return null;
        return e.Type switch
        {
            EventTypes.PaymentIntentSucceeded => new RecordPaymentOutcome("stripe", e.Id, orderId, intent.Id, true,
                Money.FromMinorUnits(intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount, intent.Currency.ToUpperInvariant()), null),
            EventTypes.PaymentIntentPaymentFailed => new RecordPaymentOutcome("stripe", e.Id, orderId, intent.Id, false, null,
                intent.LastPaymentError?.Message ?? intent.LastPaymentError?.Code ?? "payment_failed"),
            _ => null,
        };
    }

    /// <summary>
    /// A hosted payment page: completed and paid (or paid later, for asynchronous methods) pays the order with the session's
    /// PaymentIntent; expired or failed is a failed attempt (the order stays payable until its own window ends).
    /// </summary>
    private static RecordPaymentOutcome? SessionOutcome(Event e, Stripe.Checkout.Session session)
    {
        var id = session.ClientReferenceId ?? session.Metadata?.GetValueOrDefault("orderId");
        if (!Guid.TryParse(id, out var orderId)) return null;
        var paid = e.Type is EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded
                   && session.PaymentStatus == "paid" && session.PaymentIntentId is { Length: > 0 };
        if (paid)
            return new RecordPaymentOutcome("stripe", e.Id, orderId, session.PaymentIntentId!, true,
                Money.FromMinorUnits(session.AmountTotal ?? 0, (session.Currency ?? "mad").ToUpperInvariant()), null);
        return e.Type is EventTypes.CheckoutSessionExpired or EventTypes.CheckoutSessionAsyncPaymentFailed
            ? new RecordPaymentOutcome("stripe", e.Id, orderId, session.Id, false, null,
                e.Type == EventTypes.CheckoutSessionExpired ? "session_expired" : "payment_failed")
            : null;
    }
}
