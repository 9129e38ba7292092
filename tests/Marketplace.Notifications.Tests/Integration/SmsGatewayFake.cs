using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Marketplace.Notifications.Tests.Integration;

/// <summary>A received SMS, as the platform's HTTP adapter posted it.</summary>
public sealed record ReceivedSms(string To, string Text, string? Authorization);

/// <summary>
/// An SMS provider's HTTP API (outside world, not reachable here): takes POST {"to", "text"} with a bearer token and answers
/// 202, keeping what it received.
/// </summary>
public sealed class SmsGatewayFake : IDisposable
{
    private readonly HttpListener listener = new();
    public ConcurrentQueue<ReceivedSms> Received { get; } = new();
    public string Url { get; }

    public SmsGatewayFake()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/sms/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = ServeAsync();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            Received.Enqueue(new ReceivedSms(body["to"]!.GetValue<string>(), body["text"]!.GetValue<string>(), context.Request.Headers["Authorization"]));
            context.Response.StatusCode = 202;
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
