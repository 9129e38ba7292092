using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Marketplace.Testing.Stripe;

/// <summary>
/// A Stripe-compatible fake: a real HTTP server (Kestrel on 127.0.0.1, a free port) that speaks Stripe's wire format,
/// so that Stripe.net itself is exercised: form-encoded requests, a Bearer secret key, Stripe's JSON objects, the error
/// shape {"error": {"type", "code", "message"}}, Idempotency-Key (same key and parameters: the first answer again;
/// other parameters: an idempotency_error), and webhook events signed as Stripe signs them (<see cref="StripeWebhook"/>).
/// Resources live in partial files (payment intents, refunds...); add one with a Map method called from <see cref="MapResources"/>.
/// </summary>
public sealed partial class StripeFake : IAsyncDisposable
{
    public const string ApiVersion = "2026-10-28.endive";
    private readonly WebApplication app;
    private readonly SemaphoreSlim writes = new(1, 1);
    private readonly ConcurrentDictionary<string, (string Fingerprint, int Status, string Body)> idempotent = new();
    private readonly ConcurrentQueue<StripeCall> calls = new();
    private readonly ConcurrentDictionary<string, int> failures = new();

    public string SecretKey { get; } = $"sk_test_fake_{Token(12)}";
    public string WebhookSecret { get; } = $"whsec_{Token(16)}";
    public string ApiBase { get; private set; } = "";
    /// <summary>Every request the fake answered, in order.</summary>
    public IReadOnlyList<StripeCall> Calls => calls.ToList();
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    private StripeFake()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Use(Authenticate);
        MapResources(app.MapGroup("/v1"));
        app.MapFallback(http => Error(http, 404, "invalid_request_error", "resource_missing", $"Unrecognized request URL ({http.Request.Method}: {http.Request.Path})."));
    }

    public static async Task<StripeFake> StartAsync()
    {
        var fake = new StripeFake();
        await fake.app.StartAsync();
        fake.ApiBase = fake.app.Urls.Single().Replace("[::1]", "127.0.0.1");
        return fake;
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="path"/> (such as "/v1/payment_intents") answer a 500 api_error.</summary>
    public void FailNext(string path, int times = 1) => failures[path] = times;

    private void MapResources(RouteGroupBuilder v1)
    {
        MapPaymentIntents(v1);
        MapRefunds(v1);
        MapTransfers(v1);
        MapCheckout(v1);
    }

    /// <summary>Answers a request: POSTs one at a time, with Stripe's idempotency rules; errors thrown as <see cref="StripeFakeError"/>.</summary>
    private async Task Answer(HttpContext http, Func<IReadOnlyDictionary<string, string>, JsonObject> handle)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var isPost = HttpMethods.IsPost(http.Request.Method);
        var fingerprint = $"{http.Request.Method} {http.Request.Path} {string.Join("&", form.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"))}";
        if (isPost) await writes.WaitAsync();
        try
        {
            int status;
            string body;
            var replayed = false;
            if (failures.TryGetValue(http.Request.Path, out var left) && left > 0)
            {
                failures[http.Request.Path] = left - 1;
                (status, body) = (500, ErrorBody("api_error", null, "An unexpected error occurred (injected by the test)."));
            }
            else if (isPost && key.Length > 0 && idempotent.TryGetValue(key, out var earlier))
            {
                if (earlier.Fingerprint != fingerprint)
                    (status, body) = (400, ErrorBody("idempotency_error", null,
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."));
                else
                    (status, body, replayed) = (earlier.Status, earlier.Body, true);
            }
            else
            {
                try { (status, body) = (200, handle(form).ToJsonString()); }
                catch (StripeFakeError e) { (status, body) = (e.Status, ErrorBody(e.Type, e.Code, e.Message)); }
                if (isPost && key.Length > 0 && status is 200 or 400 or 402) idempotent[key] = (fingerprint, status, body);
            }
            calls.Enqueue(new StripeCall(http.Request.Method, http.Request.Path, form, key.Length > 0 ? key : null, status, replayed));
            http.Response.StatusCode = status;
            http.Response.Headers["Request-Id"] = $"req_{Token(14)}";
            http.Response.Headers["Stripe-Version"] = ApiVersion;
            if (key.Length > 0) http.Response.Headers["Idempotency-Key"] = key;
            if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body);
        }
        finally
        {
            if (isPost) writes.Release();
        }
    }

    private Task Authenticate(HttpContext http, RequestDelegate next) =>
        http.Request.Headers.Authorization.ToString() == $"Bearer {SecretKey}" || http.Request.Path.StartsWithSegments("/pay") ? next(http)
            : Error(http, 401, "invalid_request_error", null, "Invalid API Key provided: " + http.Request.Headers.Authorization);

    private static async Task Error(HttpContext http, int status, string type, string? code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(ErrorBody(type, code, message));
    }

    private static string ErrorBody(string type, string? code, string message)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null) error["code"] = code;
        return new JsonObject { ["error"] = error }.ToJsonString();
    }

    /// <summary>The nested form fields "metadata[orderId]=..." as {"orderId": ...}.</summary>
    private static JsonObject Nested(IReadOnlyDictionary<string, string> form, string name) =>
        new(form.Where(f => f.Key.StartsWith(name + "[") && f.Key.EndsWith(']'))
            .Select(f => KeyValuePair.Create(f.Key[(name.Length + 1)..^1], (JsonNode?)JsonValue.Create(f.Value))));

    private long Now() => Clock.GetUtcNow().ToUnixTimeSeconds();

    internal static string Token(int length) =>
        new(RandomNumberGenerator.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A Stripe error as the API answers it: HTTP status, type, code, message.</summary>
public sealed class StripeFakeError(int status, string type, string? code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string? Code { get; } = code;
}

/// <param name="Replayed">answered from the idempotency cache (the same key and parameters as an earlier request).</param>
public sealed record StripeCall(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey, int Status,
    bool Replayed);
