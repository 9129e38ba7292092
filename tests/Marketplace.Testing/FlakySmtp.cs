using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marketplace.Testing;

/// <summary>
/// A fault in front of the real mail server (smtp4dev): while <see cref="Failing"/>, each connection is answered
/// "421 Service not available" and closed, as a busy or broken server does; otherwise bytes pass both ways unchanged.
/// </summary>
public sealed class FlakySmtp : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int refused, passed;

    public volatile bool Failing = true;
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public int Refused => refused;
    /// <summary>Connections passed to the mail server (one SMTP session each).</summary>
    public int Passed => passed;

    public FlakySmtp()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            if (Failing)
            {
                Interlocked.Increment(ref refused);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("421 4.3.2 Service not available, try again later\r\n"));
                return;
            }
            Interlocked.Increment(ref passed);
            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, Smtp4dev.SmtpPort);
            var upstream = server.GetStream();
            await Task.WhenAny(stream.CopyToAsync(upstream, stop.Token), upstream.CopyToAsync(stream, stop.Token));
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        return ValueTask.CompletedTask;
    }
}
