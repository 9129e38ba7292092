using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Testing.Stripe;

/// <summary>
/// Checkout Sessions as Stripe serves them (create, retrieve, expire) and the hosted payment page a shopper is sent to:
/// "Pay" completes the session (a succeeded PaymentIntent carrying the session's payment_intent_data) and sends the signed
/// checkout.session.completed webhook to <see cref="WebhookUrl"/>, then goes back to the success URL; "Decline" goes back
/// to the cancel URL and leaves the session open.
/// </summary>
public sealed partial class StripeFake
{
    private readonly ConcurrentDictionary<string, JsonObject> sessions = new();
    private static readonly HttpClient Sender = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Where the hosted page sends its webhooks (the platform's /api/payments/stripe/webhook); null: nowhere.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>How long after the shopper's return the webhook comes (Stripe's are not instant).</summary>
    public TimeSpan WebhookDelay { get; set; } = TimeSpan.Zero;

    public IReadOnlyDictionary<string, JsonObject> Sessions => sessions.ToDictionary(s => s.Key, s => Copy(s.Value));

    private void MapCheckout(RouteGroupBuilder v1)
    {
        v1.MapPost("/checkout/sessions", http => Answer(http, CreateSession));
        v1.MapGet("/checkout/sessions/{id}", http => Answer(http, _ => Copy(Session((string)http.GetRouteValue("id")!))));
        v1.MapPost("/checkout/sessions/{id}/expire", http => Answer(http, _ => ExpireSession((string)http.GetRouteValue("id")!)));
        app.MapGet("/pay/{id}", PageAsync);
        app.MapPost("/pay/{id}/{choice}", ChooseAsync);
    }

    private JsonObject CreateSession(IReadOnlyDictionary<string, string> form)
    {
        if (form.GetValueOrDefault("mode") != "payment")
            throw new StripeFakeError(400, "invalid_request_error", "parameter_invalid_string", "mode must be payment here.");
        var lines = new JsonArray();
        long total = 0;
        for (var i = 0; form.ContainsKey($"line_items[{i}][quantity]"); i++)
        {
            var quantity = long.Parse(form[$"line_items[{i}][quantity]"]);
            var unit = long.Parse(form.GetValueOrDefault($"line_items[{i}][price_data][unit_amount]")
                ?? throw new StripeFakeError(400, "invalid_request_error", "parameter_missing", "Missing price_data[unit_amount]."));
            total += quantity * unit;
            lines.Add(new JsonObject { ["name"] = form.GetValueOrDefault($"line_items[{i}][price_data][product_data][name]"), ["quantity"] = quantity,
                ["unit_amount"] = unit });
        }
        if (lines.Count == 0) throw new StripeFakeError(400, "invalid_request_error", "parameter_missing", "line_items is required in payment mode.");
        var expiresAt = form.TryGetValue("expires_at", out var e) ? long.Parse(e) : Now() + 86_400;
        if (expiresAt < Now() + 1800 || expiresAt > Now() + 86_400)
            throw new StripeFakeError(400, "invalid_request_error", "parameter_invalid_integer", "expires_at must be 30 minutes to 24 hours from now.");
        var id = $"cs_test_{Token(24)}";
        var session = new JsonObject
        {
            ["id"] = id, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "open", ["payment_status"] = "unpaid",
            ["amount_total"] = total, ["currency"] = form.GetValueOrDefault($"line_items[0][price_data][currency]") ?? "mad",
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"), ["metadata"] = Nested(form, "metadata"),
            ["payment_intent"] = null, ["success_url"] = form.GetValueOrDefault("success_url"), ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["expires_at"] = expiresAt, ["created"] = Now(), ["locale"] = form.GetValueOrDefault("locale"), ["livemode"] = false,
            ["url"] = $"{ApiBase}/pay/{id}", ["line_items_shown"] = lines,
            ["payment_intent_data"] = new JsonObject { ["metadata"] = Nested(form, "payment_intent_data[metadata]"),
                ["description"] = form.GetValueOrDefault("payment_intent_data[description]") },
        };
        sessions[id] = session;
        return Shown(session);
    }

    private JsonObject ExpireSession(string id)
    {
        lock (sessions)
        {
            var session = Session(id);
            if ((string)session["status"]! != "open")
                throw new StripeFakeError(400, "invalid_request_error", null, $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session["status"]}\".");
            session["status"] = "expired";
            session["url"] = null;
            return Shown(session);
        }
    }

    /// <summary>The shopper pays on the hosted page: the session completes; answers the checkout.session.completed webhook.</summary>
    public StripeWebhook CompleteSession(string sessionId, long? amount = null)
    {
        JsonObject session;
        lock (sessions)
        {
            session = Session(sessionId);
            if ((string)session["status"]! != "open") throw new InvalidOperationException($"A {session["status"]} session cannot be paid.");
            var form = new Dictionary<string, string> { ["amount"] = (amount ?? (long)session["amount_total"]!).ToString(), ["currency"] = (string)session["currency"]! };
            foreach (var (k, v) in session["payment_intent_data"]!["metadata"]!.AsObject()) form[$"metadata[{k}]"] = (string)v!;
            var intent = CreatePaymentIntent(form);
            Succeed((string)intent["id"]!);
            session["status"] = "complete";
            session["payment_status"] = "paid";
            session["payment_intent"] = (string)intent["id"]!;
            session["amount_total"] = long.Parse(form["amount"]);
            session["url"] = null;
        }
        return Webhook("checkout.session.completed", Shown(session));
    }

    /// <summary>The session's time is over at Stripe: answers the checkout.session.expired webhook.</summary>
    public StripeWebhook ExpireSessionNow(string sessionId) => Webhook("checkout.session.expired", ExpireSession(sessionId));

    private async Task PageAsync(HttpContext http)
    {
        var session = Session((string)http.GetRouteValue("id")!);
        var open = (string)session["status"]! == "open";
        var lines = string.Concat(session["line_items_shown"]!.AsArray().Select(l =>
            $"<li>{WebUtility.HtmlEncode((string?)l!["name"])} × {l["quantity"]}: {(long)l["unit_amount"]! / 100m:0.00}</li>"));
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Stripe Checkout (test)</title></head><body>
            <h1>Pay {(long)session["amount_total"]! / 100m:0.00} {((string)session["currency"]!).ToUpperInvariant()}</h1><ul>{lines}</ul>
            {(open ? $"""<form method="post" action="/pay/{session["id"]}/pay"><button type="submit">Pay</button></form><form method="post" action="/pay/{session["id"]}/decline"><button type="submit">Decline</button></form>""" : "<p>This session is no longer open.</p>")}
            </body></html>
            """, Encoding.UTF8);
    }

    private async Task ChooseAsync(HttpContext http)
    {
        var id = (string)http.GetRouteValue("id")!;
        var session = Session(id);
        if ((string)http.GetRouteValue("choice")! == "pay" && (string)session["status"]! == "open")
        {
            var webhook = CompleteSession(id);
            var intent = (string)Session(id)["payment_intent"]!;
            var succeeded = Webhook("payment_intent.succeeded", Copy(PaymentIntent(intent)));
            if (WebhookUrl is { } url)
                _ = Task.Run(async () =>
                {
                    await Task.Delay(WebhookDelay);
                    foreach (var w in new[] { webhook, succeeded })
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(w.Body, Encoding.UTF8, "application/json") };
                        request.Headers.TryAddWithoutValidation("Stripe-Signature", w.Signature);
                        try { (await Sender.SendAsync(request)).Dispose(); } catch (HttpRequestException) { } // the platform stopped: as Stripe, try no more
                    }
                });
            http.Response.Redirect(((string)session["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", id));
        }
        else http.Response.Redirect((string)session["cancel_url"]!);
        http.Response.StatusCode = 303;
    }

    private JsonObject Session(string id) => sessions.TryGetValue(id, out var s) ? s
        : throw new StripeFakeError(404, "invalid_request_error", "resource_missing", $"No such checkout.session: '{id}'");

    /// <summary>A session as the API answers it (without the fake's own bookkeeping).</summary>
    private static JsonObject Shown(JsonObject session)
    {
        var copy = Copy(session);
        copy.Remove("line_items_shown");
        copy.Remove("payment_intent_data");
        return copy;
    }
}
