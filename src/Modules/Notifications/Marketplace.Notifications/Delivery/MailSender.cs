using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Notifications.Delivery;

/// <summary>Sends e-mail over SMTP with MailKit: one connection per message (few messages, many minutes apart).</summary>
internal interface IMailSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

internal sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) throw new InvalidOperationException("Marketplace:Smtp:Host is not set.");
        var mail = new MimeMessage { Subject = message.Subject };
        mail.From.Add(MailboxAddress.Parse(o.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        // A stable Message-Id per message: a receiving server that saw it already may drop a repeat.
        mail.MessageId = $"{message.Id.Replace(':', '.').Replace('@', '.')}@{mail.From.Mailboxes.First().Domain}";
        mail.Headers.Add("Content-Language", message.Language);
        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
