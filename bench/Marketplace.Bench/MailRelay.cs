using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Marketplace.Bench;

/// <summary>
/// The benchmark in the mail relay's place (the outside world: a deployment hands its mail to a relay on another machine).
/// Speaks SMTP as RFC 5321 says, enough for MailKit: greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA up to the lone dot,
/// RSET, NOOP, QUIT; it accepts every message, keeps none and counts sessions and messages. Without it the Host's mail
/// failed and was retried, which no deployment does; smtp4dev, which keeps and parses every message, would take the
/// benchmark's CPU (13 ms a message measured) that a relay elsewhere does not.
/// </summary>
internal static class MailRelay
{
    private static long sessions, messages;

    public static async Task RunAsync(Options options)
    {
        var listener = new TcpListener(IPAddress.Loopback, options.Int("port", 2527));
        listener.Start();
        Console.Error.WriteLine($"[bench] mail relay on 127.0.0.1:{options.Int("port", 2527)}");
        using var stop = new CancellationTokenSource();
        // Stopped by bench.sh's kill (SIGTERM) or Ctrl+C: it says its counts, then ends.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = Task.Run(() => SessionAsync(client, stop.Token));
            }
        }
        catch (OperationCanceledException) { }
        Console.Error.WriteLine($"[bench] mail relay: {Interlocked.Read(ref messages)} messages in {Interlocked.Read(ref sessions)} sessions");
    }

    private static async Task SessionAsync(TcpClient client, CancellationToken ct)
    {
        Interlocked.Increment(ref sessions);
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 bench.relay ESMTP ready");
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO": await writer.WriteAsync("250-bench.relay\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"); break;
                    case "HELO": await writer.WriteLineAsync("250 bench.relay"); break;
                    case "MAIL" or "RCPT" or "RSET" or "NOOP": await writer.WriteLineAsync("250 OK"); break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(ct) is { } data && data != ".") { }
                        Interlocked.Increment(ref messages);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                    default: await writer.WriteLineAsync("502 Command not implemented"); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException) { }
    }
}
