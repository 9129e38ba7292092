using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Bench;

/// <summary>The Host's HTTP API, as the benchmark uses it.</summary>
internal sealed class Api(string url) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http = new() { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };

    public void Dispose() => http.Dispose();

    public void SignIn(string token) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public async Task<string> LoginAsync(string email, string password) =>
        (await PostAsync("/api/accounts/login", new { email, password }, authenticated: false))["accessToken"]!.GetValue<string>();

    /// <summary>Registers the user unless the e-mail is taken (409: from an earlier run), then signs in: answers (id, token).</summary>
    public async Task<(Guid Id, string Token)> EnsureUserAsync(string email, string password, string displayName)
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/register") { Content = JsonContent.Create(new { email, password, displayName }) })
        using (var response = await http.SendAsync(request))
            if (response.StatusCode != HttpStatusCode.Conflict) await EnsureAsync(response, "register");
        var token = await LoginAsync(email, password);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/accounts/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(me);
        await EnsureAsync(answer, "me");
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        return (body["id"]!.GetValue<Guid>(), token);
    }

    public async Task<JsonNode> PostAsync(string path, object body, bool authenticated = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        if (!authenticated) request.Headers.Authorization = null;
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<List<Guid>> PostIdsAsync(string path, object body) =>
        (await PostAsync(path, body)).AsArray().Select(n => n!.GetValue<Guid>()).ToList();

    public async Task<HttpStatusCode> GetStatusAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
    }
}
