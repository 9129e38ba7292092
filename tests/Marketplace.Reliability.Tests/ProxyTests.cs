using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Reliability.Tests.Harness;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// Issue 16 on real Kestrel processes behind a (simulated) reverse proxy: forwarded headers believed from the known proxy
/// only, Secure cookies and HSTS when the proxy received https, registration and failed sign-in limits per client address
/// that hold across two Hosts and never lock the administrator out, a suspension seen by the other Host within seconds,
/// and an early 413 after which the connection carries the next request.
/// </summary>
public sealed class ProxyTests(ProxiedHosts hosts) : IClassFixture<ProxiedHosts>
{
    private static HttpRequestMessage From(HttpMethod method, string url, string? client, bool https = false, object? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (client is not null) request.Headers.Add("X-Forwarded-For", client);
        if (https) request.Headers.Add("X-Forwarded-Proto", "https");
        if (json is not null) request.Content = JsonContent.Create(json);
        return request;
    }

    /// <summary>A client of <paramref name="host"/> whose requests the proxy forwards for <paramref name="client"/>.</summary>
    private static HttpClient Behind(HostProcess host, string client)
    {
        var http = host.Client();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }

    private static object Registration() => new { email = $"p-{Guid.NewGuid():N}@x.ma", password = "a-good-password", displayName = "Fatima" };

    private static async Task<int> RegisterAsync(HostProcess host, string? client) =>
        (int)(await host.Client().SendAsync(From(HttpMethod.Post, "/api/accounts/register", client, json: Registration()))).StatusCode;

    private static async Task<HttpResponseMessage> SignInAsync(HostProcess host, string client, string email, string password) =>
        await host.Client().SendAsync(From(HttpMethod.Post, "/api/accounts/login", client, json: new { email, password }));

    [Fact]
    public async Task Given_forwarded_headers_from_the_known_proxy_Then_the_clients_address_is_limited_and_https_makes_secure_cookies_and_HSTS()
    {
        var statuses = new List<int>();
        for (var i = 0; i <= ProxiedHosts.RegistrationsPerMinute; i++) statuses.Add(await RegisterAsync(hosts.Proxied[0], "203.0.113.10"));
        statuses.Should().Equal(201, 201, 201, 429);
        (await RegisterAsync(hosts.Proxied[0], "203.0.113.11")).Should().Be(201, "another client behind the same proxy has its own limit");
        (await RegisterAsync(hosts.Proxied[0], "198.51.100.99, 203.0.113.12")).Should().Be(201, "the proxy's own entry is the client's address");

        var secure = await hosts.Proxied[0].Client().SendAsync(From(HttpMethod.Get, "/account/login?lang=ar", "203.0.113.10", https: true));
        secure.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=31536000");
        var cookies = secure.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().NotBeEmpty().And.OnlyContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var plain = await hosts.Proxied[0].Client().SendAsync(From(HttpMethod.Get, "/account/login?lang=ar", "203.0.113.10"));
        plain.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        plain.Headers.GetValues("Set-Cookie").Should().NotBeEmpty().And.OnlyContain(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Given_forwarded_headers_from_an_unknown_address_Then_they_are_ignored()
    {
        var statuses = new List<int>();
        for (var i = 0; i <= ProxiedHosts.RegistrationsPerMinute; i++) statuses.Add(await RegisterAsync(hosts.Unproxied, $"203.0.113.{50 + i}"));
        statuses.Should().Equal(201, 201, 201, 429); // each claims another client; the connection's address is what counts

        var response = await hosts.Unproxied.Client().SendAsync(From(HttpMethod.Get, "/account/login?lang=fr", "203.0.113.60", https: true));
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("the request did not come over https as far as this Host knows");
        response.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        hosts.Unproxied.Log.Should().Contain("Marketplace:Auth:KeyEncryptionKey is not set", "a Host without a key encryption key says so at start");
    }

    [Fact]
    public async Task Given_two_Hosts_Then_registrations_from_one_address_are_counted_together()
    {
        (await RegisterAsync(hosts.Proxied[0], "198.51.100.20")).Should().Be(201);
        (await RegisterAsync(hosts.Proxied[1], "198.51.100.20")).Should().Be(201);
        (await RegisterAsync(hosts.Proxied[0], "198.51.100.20")).Should().Be(201);

        (await RegisterAsync(hosts.Proxied[1], "198.51.100.20")).Should().Be(429);
        (await RegisterAsync(hosts.Proxied[0], "198.51.100.20")).Should().Be(429);
    }

    [Fact]
    public async Task Given_failed_sign_ins_of_the_administrator_from_an_address_on_both_Hosts_Then_that_address_waits_and_the_administrator_signs_in_from_another()
    {
        for (var i = 0; i < 5; i++)
            ((int)(await SignInAsync(hosts.Proxied[i % 2], "192.0.2.66", MarketplaceApp.AdminEmail, "guessing-" + i)).StatusCode).Should().Be(401);

        var slowed = await SignInAsync(hosts.Proxied[1], "192.0.2.66", MarketplaceApp.AdminEmail, MarketplaceApp.AdminPassword);
        ((int)slowed.StatusCode).Should().Be(429, "five failures on two Hosts count together");
        slowed.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.FromSeconds(20)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(30));
        ((int)(await SignInAsync(hosts.Proxied[0], "192.0.2.66", MarketplaceApp.AdminEmail, MarketplaceApp.AdminPassword)).StatusCode).Should().Be(429);

        var elsewhere = await SignInAsync(hosts.Proxied[0], "192.0.2.77", MarketplaceApp.AdminEmail, MarketplaceApp.AdminPassword);
        ((int)elsewhere.StatusCode).Should().Be(200, "whoever guesses from their address cannot lock the administrator out");
    }

    [Fact]
    public async Task Given_a_user_suspended_on_one_Host_Then_the_other_refuses_their_token_within_seconds()
    {
        var shopper = await Marketplace.Testing.Accounts.NewShopperAsync(() => Behind(hosts.Proxied[0], "198.51.100.40"), "suspended");
        var onOther = new HttpClient { BaseAddress = new Uri(hosts.Proxied[1].BaseUrl) };
        onOther.DefaultRequestHeaders.Authorization = shopper.Client.DefaultRequestHeaders.Authorization;
        await (await onOther.GetAsync("/api/accounts/me")).ShouldHaveStatus(200);

        var admin = await Marketplace.Testing.Accounts.SignInAsync(() => Behind(hosts.Proxied[0], "198.51.100.41"), MarketplaceApp.AdminEmail, MarketplaceApp.AdminPassword);
        await (await admin.Client.PostJson($"/api/admin/users/{shopper.Id}/suspend")).ShouldHaveStatus(200);

        await (await shopper.Client.GetAsync("/api/accounts/me")).ShouldBeProblem(401); // where it changed: at once
        await Poll.UntilAsync(async () => (int)(await onOther.GetAsync("/api/accounts/me")).StatusCode, s => s == 401,
            what: "the other Host to refuse the suspended user's token", timeout: TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Given_a_1_MB_JSON_body_on_a_raw_connection_Then_413_and_the_next_request_on_it_is_answered()
    {
        using var socket = new System.Net.Sockets.TcpClient();
        var url = new Uri(hosts.Proxied[0].BaseUrl);
        await socket.ConnectAsync(url.Host, url.Port);
        var stream = socket.GetStream();
        var body = Encoding.UTF8.GetBytes("{\"email\":\"" + new string('a', 1024 * 1024) + "\"}");
        var head = $"POST /api/accounts/register HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";

        var sending = Task.Run(async () => { await stream.WriteAsync(Encoding.ASCII.GetBytes(head)); await stream.WriteAsync(body); });
        var (tooLarge, _) = await ReadResponseAsync(stream);
        await sending;
        tooLarge.Should().StartWith("HTTP/1.1 413").And.NotContainEquivalentOf("connection: close");

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /health/live HTTP/1.1\r\nHost: {url.Authority}\r\n\r\n"));
        var (next, _) = await ReadResponseAsync(stream);
        next.Should().StartWith("HTTP/1.1 200", "the connection carried the client's next request");
    }

    /// <summary>One HTTP/1.1 response read from the socket: its head, and its body (by Content-Length or in chunks).</summary>
    private static async Task<(string Head, string Body)> ReadResponseAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        async Task<string> LineAsync()
        {
            var line = new List<byte>();
            var one = new byte[1];
            while (line.Count < 2 || line[^2] != '\r' || line[^1] != '\n')
            {
                if (await stream.ReadAsync(one, timeout.Token) == 0) throw new IOException("The server closed the connection after: " + Encoding.ASCII.GetString(line.ToArray()));
                line.Add(one[0]);
            }
            return Encoding.ASCII.GetString(line.ToArray(), 0, line.Count - 2);
        }
        async Task<byte[]> BytesAsync(int count)
        {
            var bytes = new byte[count];
            await stream.ReadExactlyAsync(bytes, timeout.Token);
            return bytes;
        }

        var lines = new List<string>();
        for (var line = await LineAsync(); line.Length > 0; line = await LineAsync()) lines.Add(line);
        string? Header(string name) => lines.Skip(1).Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).SingleOrDefault();
        var body = new List<byte>();
        if (Header("Transfer-Encoding") == "chunked")
        {
            for (var size = Convert.ToInt32(await LineAsync(), 16); size > 0; size = Convert.ToInt32(await LineAsync(), 16))
            {
                body.AddRange(await BytesAsync(size));
                await LineAsync();
            }
            await LineAsync();
        }
        else if (Header("Content-Length") is { } length) body.AddRange(await BytesAsync(int.Parse(length)));
        return (string.Join("\r\n", lines), Encoding.UTF8.GetString(body.ToArray()));
    }
}
