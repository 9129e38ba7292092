using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Bench;

/// <summary>
/// The Host's public HTTP API, as the benchmark uses it: one client for many concurrent callers, each request signed
/// with the token of whoever makes it (the owner, the administrator, a shopper), or anonymous (CMI's server).
/// </summary>
internal sealed class Api(string url, int connections = 64) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), UseCookies = false,
    }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };

    public void Dispose() => http.Dispose();

    public async Task<string> LoginAsync(string email, string password) =>
        (await SendAsync(HttpMethod.Post, "/api/accounts/login", new { email, password }, null))["accessToken"]!.GetValue<string>();

    /// <summary>Registers the user unless the e-mail is taken (409: from an earlier run), then signs in: answers (id, token).</summary>
    public async Task<(Guid Id, string Token)> EnsureUserAsync(string email, string password, string displayName)
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/register") { Content = JsonContent.Create(new { email, password, displayName }) })
        using (var response = await http.SendAsync(request))
            if (response.StatusCode != HttpStatusCode.Conflict) await EnsureAsync(response, "register");
        var token = await LoginAsync(email, password);
        var me = await SendAsync(HttpMethod.Get, "/api/accounts/me", null, token);
        return (me["id"]!.GetValue<Guid>(), token);
    }

    public Task<JsonNode> PostAsync(string path, object? body, string? token) => SendAsync(HttpMethod.Post, path, body, token);

    public Task<JsonNode> PutAsync(string path, object? body, string? token) => SendAsync(HttpMethod.Put, path, body, token);

    /// <summary>POST /api/orders with its Idempotency-Key.</summary>
    public Task<JsonNode> PlaceOrderAsync(object order, string key, string token) =>
        SendAsync(HttpMethod.Post, "/api/orders", order, token, ("Idempotency-Key", key));

    /// <summary>A form-encoded POST (as CMI's server posts its callback): the answer's text.</summary>
    public async Task<string> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, path);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, string? token, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, $"{method} {path}");
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
    }
}
