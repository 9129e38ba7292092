using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Marketplace.Testing.Cmi;

/// <summary>
/// A CMI-compatible gateway (3D_PAY_HOSTING): it takes the merchant's form at /fim/est3Dgate, refuses it when its ver3 hash
/// is wrong, shows a payment page with "Pay" and "Decline", then posts the callback to the merchant's callbackUrl as CMI
/// does (the form's fields, ProcReturnCode, Response, TransId..., and HASH keyed with the store key) and sends the browser
/// back to okUrl or failUrl. Its hash is written here from API.md's description, apart from the platform's.
/// </summary>
public sealed class CmiFake : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> pending = new();
    private readonly ConcurrentQueue<(IReadOnlyDictionary<string, string> Fields, string Answer)> callbacks = new();
    private static readonly HttpClient Sender = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string ClientId { get; } = $"6000{Random.Shared.Next(10000, 99999)}";
    public string StoreKey { get; } = $"SKEY|{Guid.NewGuid():N}\\x";
    public string BaseUrl { get; private set; } = "";
    public string GatewayUrl => $"{BaseUrl}/fim/est3Dgate";
    /// <summary>The callbacks posted, with what the merchant answered.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Fields, string Answer)> Callbacks => callbacks.ToList();
    /// <summary>Forms that came with a wrong hash.</summary>
    public int RefusedForms { get; private set; }

    private CmiFake()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/fim/est3Dgate", GateAsync);
        app.MapPost("/fim/{id}/{choice}", ChooseAsync);
    }

    public static async Task<CmiFake> StartAsync()
    {
        var fake = new CmiFake();
        await fake.app.StartAsync();
        fake.BaseUrl = fake.app.Urls.Single().Replace("[::1]", "127.0.0.1");
        return fake;
    }

    /// <summary>API.md's ver3: the fields but hash and encoding, by name ignoring case, escaped, joined with '|', then the store key.</summary>
    public static string Hash(IEnumerable<KeyValuePair<string, string>> fields, string storeKey)
    {
        static string Escape(string s) => s.Replace("\\", "\\\\").Replace("|", "\\|");
        var kept = fields.Where(f => f.Key.ToLowerInvariant() is not ("hash" or "encoding")).OrderBy(f => f.Key.ToUpperInvariant(), StringComparer.Ordinal);
        var text = string.Join("|", kept.Select(f => Escape(f.Value))) + "|" + Escape(storeKey);
        return Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>What CMI posts back for a form (its fields, and the outcome), signed with the store key.</summary>
    public Dictionary<string, string> CallbackFields(IReadOnlyDictionary<string, string> form, bool approved, string? transId = null)
    {
        var fields = form.Where(f => !f.Key.Equals("hash", StringComparison.OrdinalIgnoreCase)).ToDictionary(f => f.Key, f => f.Value);
        fields["ProcReturnCode"] = approved ? "00" : "05";
        fields["Response"] = approved ? "Approved" : "Declined";
        fields["TransId"] = transId ?? $"{Random.Shared.Next(10_000_000, 99_999_999)}";
        fields["AuthCode"] = approved ? $"{Random.Shared.Next(100_000, 999_999)}" : "";
        fields["mdStatus"] = "1";
        if (!approved) fields["ErrMsg"] = "Declined (Insufficient funds | fonds insuffisants)";
        fields["HASH"] = Hash(fields, StoreKey);
        return fields;
    }

    /// <summary>Posts a callback to the merchant as CMI's servers do; answers the merchant's text.</summary>
    public async Task<string> PostCallbackAsync(string callbackUrl, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await Sender.PostAsync(callbackUrl, new FormUrlEncodedContent(fields));
        var answer = await response.Content.ReadAsStringAsync();
        callbacks.Enqueue((fields, answer));
        return answer;
    }

    private async Task GateAsync(HttpContext http)
    {
        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        http.Response.ContentType = "text/html; charset=utf-8";
        if (form.GetValueOrDefault("clientid") != ClientId || form.GetValueOrDefault("hash") != Hash(form, StoreKey))
        {
            RefusedForms++;
            await http.Response.WriteAsync("<!doctype html><html><body><h1>Hash error</h1></body></html>");
            return;
        }
        var id = Guid.NewGuid().ToString("N");
        pending[id] = form;
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="{WebUtility.HtmlEncode(form.GetValueOrDefault("lang"))}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width"><title>CMI (test)</title></head><body>
            <h1>CMI: {WebUtility.HtmlEncode(form.GetValueOrDefault("amount"))} MAD, {WebUtility.HtmlEncode(form.GetValueOrDefault("oid"))}</h1>
            <form method="post" action="/fim/{id}/pay"><button type="submit">Pay</button></form>
            <form method="post" action="/fim/{id}/decline"><button type="submit">Decline</button></form>
            </body></html>
            """);
    }

    private async Task ChooseAsync(HttpContext http)
    {
        if (!pending.TryRemove((string)http.GetRouteValue("id")!, out var form)) { http.Response.StatusCode = 404; return; }
        var approved = (string)http.GetRouteValue("choice")! == "pay";
        await PostCallbackAsync(form["callbackUrl"], CallbackFields(form, approved));
        http.Response.StatusCode = 303;
        http.Response.Headers.Location = approved ? form["okUrl"] : form["failUrl"];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
