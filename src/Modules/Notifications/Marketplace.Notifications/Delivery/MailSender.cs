using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Notifications.Delivery;

/// <summary>Sends e-mail over SMTP with MailKit: one connection for the messages of one job (an event's messages).</summary>
internal interface IMailSender
{
    /// <summary>A connection opened at the first message, kept for the next ones, closed (QUIT) when disposed.</summary>
    IMailConnection Connect();
}

internal interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

internal sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public IMailConnection Connect() => new SmtpMailConnection(options.Value);

    /// <summary>
    /// An order's confirmation and its cooperatives' messages (five e-mails for two cooperatives) on one connection instead
    /// of five. A failed message drops the connection: the next one opens a new one, so one bad exchange spoils no other.
    /// </summary>
    private sealed class SmtpMailConnection(SmtpOptions o) : IMailConnection
    {
        private SmtpClient? client;

        public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            if (!o.Enabled) throw new InvalidOperationException("Marketplace:Smtp:Host is not set.");
            var mail = new MimeMessage { Subject = message.Subject };
            mail.From.Add(MailboxAddress.Parse(o.From));
            mail.To.Add(MailboxAddress.Parse(message.To));
            // A stable Message-Id per message: a receiving server that saw it already may drop a repeat.
            mail.MessageId = $"{message.Id.Replace(':', '.').Replace('@', '.')}@{mail.From.Mailboxes.First().Domain}";
            mail.Headers.Add("Content-Language", message.Language);
            mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
            try
            {
                if (client is null)
                {
                    client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
                    await client.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
                    if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
                }
                await client.SendAsync(mail, ct);
            }
            catch
            {
                client?.Dispose();
                client = null;
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client is null) return;
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // the messages are sent: a QUIT the server did not answer changes nothing
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
