using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Testing.Stripe;

public sealed partial class StripeFake
{
    private readonly ConcurrentDictionary<string, JsonObject> paymentIntents = new();

    /// <summary>The payment intents created, by id (a copy of each, as Stripe would answer it).</summary>
    public IReadOnlyDictionary<string, JsonObject> PaymentIntents =>
        paymentIntents.ToDictionary(p => p.Key, p => (JsonObject)p.Value.DeepClone());

    private void MapPaymentIntents(RouteGroupBuilder v1)
    {
        v1.MapPost("/payment_intents", http => Answer(http, CreatePaymentIntent));
        v1.MapGet("/payment_intents/{id}", http => Answer(http, _ => Copy(PaymentIntent((string)http.GetRouteValue("id")!))));
        v1.MapPost("/payment_intents/{id}/cancel", http => Answer(http, _ => CancelPaymentIntent((string)http.GetRouteValue("id")!)));
    }

    private JsonObject CreatePaymentIntent(IReadOnlyDictionary<string, string> form)
    {
        if (!form.TryGetValue("amount", out var amountText) || !long.TryParse(amountText, out var amount))
            throw new StripeFakeError(400, "invalid_request_error", "parameter_missing", "Missing required param: amount.");
        if (amount < 1) throw new StripeFakeError(400, "invalid_request_error", "amount_too_small", "Amount must be at least 1 centime.");
        if (!form.TryGetValue("currency", out var currency) || currency.Length != 3 || currency != currency.ToLowerInvariant())
            throw new StripeFakeError(400, "invalid_request_error", "parameter_invalid_string", "Invalid currency: a lower-case ISO code.");
        var id = $"pi_{Token(24)}";
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_capturable"] = 0,
            ["amount_received"] = 0,
            ["capture_method"] = "automatic",
            ["client_secret"] = $"{id}_secret_{Token(24)}",
            ["confirmation_method"] = "automatic",
            ["created"] = Now(),
            ["currency"] = currency,
            ["description"] = form.GetValueOrDefault("description"),
            ["last_payment_error"] = null,
            ["latest_charge"] = null,
            ["livemode"] = false,
            ["metadata"] = Nested(form, "metadata"),
            ["payment_method_types"] = new JsonArray("card"),
            ["status"] = "requires_payment_method",
        };
        if (form.GetValueOrDefault("automatic_payment_methods[enabled]") == "true")
            intent["automatic_payment_methods"] = new JsonObject { ["enabled"] = true, ["allow_redirects"] = "always" };
        paymentIntents[id] = intent;
        return Copy(intent);
    }

    private JsonObject CancelPaymentIntent(string id)
    {
        var intent = PaymentIntent(id);
        var status = (string)intent["status"]!;
        if (status is "succeeded" or "canceled" or "processing")
            throw new StripeFakeError(400, "invalid_request_error", "payment_intent_unexpected_state",
                $"You cannot cancel this PaymentIntent because it has a status of {status}.");
        intent["status"] = "canceled";
        intent["canceled_at"] = Now();
        intent["cancellation_reason"] = "requested_by_customer";
        return Copy(intent);
    }

    private JsonObject PaymentIntent(string id) => paymentIntents.TryGetValue(id, out var intent) ? intent
        : throw new StripeFakeError(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'");

    private static JsonObject Copy(JsonObject o) => (JsonObject)o.DeepClone();

    /// <summary>The shopper paid (as Stripe.js would confirm it): the intent succeeds; answers the webhook Stripe would send.</summary>
    public StripeWebhook Succeed(string paymentIntentId, long? amountReceived = null)
    {
        JsonObject intent;
        lock (paymentIntents)
        {
            intent = PaymentIntent(paymentIntentId);
            var status = (string)intent["status"]!;
            if (status is "canceled" or "succeeded")
                throw new InvalidOperationException($"A {status} payment intent cannot succeed.");
            intent["status"] = "succeeded";
            intent["amount_received"] = amountReceived ?? (long)intent["amount"]!;
            intent["latest_charge"] = $"ch_{Token(24)}";
            intent["last_payment_error"] = null;
        }
        return Webhook("payment_intent.succeeded", Copy(intent));
    }

    /// <summary>A card was declined: the intent waits for another payment method; answers the webhook Stripe would send.</summary>
    public StripeWebhook Decline(string paymentIntentId, string message = "Your card was declined.")
    {
        JsonObject intent;
        lock (paymentIntents)
        {
            intent = PaymentIntent(paymentIntentId);
            intent["status"] = "requires_payment_method";
            intent["last_payment_error"] = new JsonObject
            {
                ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline", ["message"] = message,
            };
        }
        return Webhook("payment_intent.payment_failed", Copy(intent));
    }
}
