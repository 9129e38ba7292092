using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Testing.Stripe;

/// <summary>
/// A webhook delivery as Stripe makes it: the event's JSON and the header
/// Stripe-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" keyed with the webhook secret&gt;.
/// </summary>
public sealed record StripeWebhook(string EventId, string Type, string Body, string Signature)
{
    public const string Path = "/api/payments/stripe/webhook";

    /// <summary>Delivers it (again: Stripe delivers at least once).</summary>
    public Task<HttpResponseMessage> DeliverAsync(HttpClient client, string path = Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", Signature);
        return client.SendAsync(request);
    }

    public static string Sign(string body, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}

public sealed partial class StripeFake
{
    /// <summary>An event of <paramref name="type"/> about <paramref name="dataObject"/>, signed with the webhook secret.</summary>
    public StripeWebhook Webhook(string type, JsonObject dataObject, DateTimeOffset? signedAt = null, string? secret = null)
    {
        var id = $"evt_{Token(24)}";
        var body = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = Now(),
            ["data"] = new JsonObject { ["object"] = dataObject },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        }.ToJsonString();
        return new StripeWebhook(id, type, body, StripeWebhook.Sign(body, secret ?? WebhookSecret, signedAt ?? Clock.GetUtcNow()));
    }
}
