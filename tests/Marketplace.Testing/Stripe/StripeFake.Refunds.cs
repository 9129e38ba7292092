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
        v1.MapGet("/refunds/{id}", http => Answer(http, _ => refunds.TryGetValue((string)http.GetRouteValue("id")!, out var r) ? Copy(r)
            : throw new StripeFakeError(404, "invalid_request_error", "resource_missing", "No such refund")));
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
