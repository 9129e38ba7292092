using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Testing.Stripe;

public sealed partial class StripeFake
{
    private readonly ConcurrentDictionary<string, JsonObject> refunds = new();

    /// <summary>The refunds made, by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Refunds => refunds.ToDictionary(r => r.Key, r => (JsonObject)r.Value.DeepClone());

    private void MapRefunds(RouteGroupBuilder v1)
    {
        v1.MapPost("/refunds", http => Answer(http, CreateRefund));
        v1.MapGet("/refunds", http => Answer(http, ListRefunds));
        v1.MapGet("/refunds/{id}", http => Answer(http, _ => refunds.TryGetValue((string)http.GetRouteValue("id")!, out var r) ? Copy(r)
            : throw new StripeFakeError(404, "invalid_request_error", "resource_missing", "No such refund")));
    }

    private JsonObject ListRefunds(IReadOnlyDictionary<string, string> query)
    {
        var all = refunds.Values.Where(r => !query.TryGetValue("payment_intent", out var pi) || (string)r["payment_intent"]! == pi)
            .OrderByDescending(r => (long)r["created"]!).Select(r => (JsonNode?)Copy(r)).ToArray();
        return new JsonObject { ["object"] = "list", ["data"] = new JsonArray(all), ["has_more"] = false, ["url"] = "/v1/refunds" };
    }

    /// <summary>Someone refunds the payment in Stripe's dashboard (no metadata of ours); answers the charge.refunded webhook.</summary>
    public StripeWebhook RefundInDashboard(string paymentIntentId, long? amount = null)
    {
        var form = new Dictionary<string, string> { ["payment_intent"] = paymentIntentId };
        if (amount is { } a) form["amount"] = a.ToString(System.Globalization.CultureInfo.InvariantCulture);
        CreateRefund(form);
        return Webhook("charge.refunded", Charge(paymentIntentId));
    }

    /// <summary>The charge of a payment intent as Stripe shows it in charge.* events.</summary>
    public JsonObject Charge(string paymentIntentId)
    {
        var intent = PaymentIntent(paymentIntentId);
        var refunded = refunds.Values.Where(r => (string)r["payment_intent"]! == paymentIntentId).Sum(r => (long)r["amount"]!);
        return new JsonObject
        {
            ["id"] = (string?)intent["latest_charge"], ["object"] = "charge", ["amount"] = (long)intent["amount_received"]!,
            ["amount_captured"] = (long)intent["amount_received"]!, ["amount_refunded"] = refunded, ["currency"] = (string)intent["currency"]!,
            ["payment_intent"] = paymentIntentId, ["paid"] = true, ["refunded"] = refunded >= (long)intent["amount_received"]!,
            ["status"] = "succeeded", ["created"] = Now(), ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>The cardholder disputes the payment; answers the charge.dispute.created webhook.</summary>
    public StripeWebhook Dispute(string paymentIntentId, out string disputeId)
    {
        disputeId = $"dp_{Token(24)}";
        return Webhook("charge.dispute.created", DisputeObject(paymentIntentId, disputeId, "needs_response"));
    }

    /// <summary>The bank decides the dispute: won or lost; answers the charge.dispute.closed webhook.</summary>
    public StripeWebhook CloseDispute(string paymentIntentId, string disputeId, bool won) =>
        Webhook("charge.dispute.closed", DisputeObject(paymentIntentId, disputeId, won ? "won" : "lost"));

    private JsonObject DisputeObject(string paymentIntentId, string disputeId, string status)
    {
        var intent = PaymentIntent(paymentIntentId);
        return new JsonObject
        {
            ["id"] = disputeId, ["object"] = "dispute", ["amount"] = (long)intent["amount_received"]!, ["currency"] = (string)intent["currency"]!,
            ["charge"] = (string?)intent["latest_charge"], ["payment_intent"] = paymentIntentId, ["reason"] = "fraudulent", ["status"] = status,
            ["created"] = Now(), ["is_charge_refundable"] = false, ["livemode"] = false, ["metadata"] = new JsonObject(),
        };
    }

    private JsonObject CreateRefund(IReadOnlyDictionary<string, string> form)
    {
        var intentId = form.GetValueOrDefault("payment_intent")
            ?? throw new StripeFakeError(400, "invalid_request_error", "parameter_missing", "One of charge or payment_intent is required.");
        var intent = PaymentIntent(intentId);
        if ((string)intent["status"]! != "succeeded")
            throw new StripeFakeError(400, "invalid_request_error", "payment_intent_unexpected_state",
                $"This PaymentIntent ({intentId}) does not have a successful charge to refund.");
        var received = (long)intent["amount_received"]!;
        var refunded = refunds.Values.Where(r => (string)r["payment_intent"]! == intentId).Sum(r => (long)r["amount"]!);
        var amount = form.TryGetValue("amount", out var a) ? long.Parse(a) : received - refunded;
        if (refunded >= received)
            throw new StripeFakeError(400, "invalid_request_error", "charge_already_refunded", $"Charge for {intentId} has already been refunded.");
        if (amount < 1 || amount > received - refunded)
            throw new StripeFakeError(400, "invalid_request_error", "amount_too_large",
                $"Refund amount ({amount}) is greater than unrefunded amount on charge ({received - refunded}).");
        var id = $"re_{Token(24)}";
        var refund = new JsonObject
        {
            ["id"] = id,
            ["object"] = "refund",
            ["amount"] = amount,
            ["charge"] = (string?)intent["latest_charge"],
            ["created"] = Now(),
            ["currency"] = (string)intent["currency"]!,
            ["metadata"] = Nested(form, "metadata"),
            ["payment_intent"] = intentId,
            ["reason"] = form.GetValueOrDefault("reason"),
            ["status"] = "succeeded",
        };
        refunds[id] = refund;
        return Copy(refund);
    }
}
