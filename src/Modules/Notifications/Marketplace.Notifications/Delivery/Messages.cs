using Marketplace.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace Marketplace.Notifications.Delivery;

/// <summary>Writes the messages of one event (its <c>source</c>: the event's id, or what an alert is about): an e-mail per recipient (when SMTP is set), an SMS per phone.</summary>
internal sealed class Messages(MailTemplates templates, IOptions<SmtpOptions> smtp)
{
    private readonly List<OutgoingMessage> list = [];

    public IReadOnlyList<OutgoingMessage> All => list;

    public Messages Email(string source, Mail mail, Recipient to)
    {
        if (!smtp.Value.Enabled || string.IsNullOrWhiteSpace(to.Email)) return this;
        var language = templates.LanguageFor(to.Language);
        var rendered = templates.Render(mail, language, to.Name);
        list.Add(new OutgoingMessage
        {
            Id = OutgoingMessage.KeyOf(source, mail.Key, OutgoingMessage.Email, to.Email), Channel = OutgoingMessage.Email, Kind = mail.Kind,
            To = to.Email.Trim(), Language = language, Subject = rendered.Subject, Html = rendered.Html, Text = rendered.Text,
        });
        return this;
    }

    public Messages Email(string source, Func<string, Mail> mailIn, IEnumerable<Recipient> recipients)
    {
        foreach (var to in recipients) Email(source, mailIn(templates.LanguageFor(to.Language)), to);
        return this;
    }

    public Messages Sms(string source, Mail mail, string? phone, string language)
    {
        if (string.IsNullOrWhiteSpace(phone)) return this;
        var lang = templates.LanguageFor(language);
        list.Add(new OutgoingMessage
        {
            Id = OutgoingMessage.KeyOf(source, mail.Key, OutgoingMessage.Sms, phone), Channel = OutgoingMessage.Sms, Kind = mail.Kind,
            To = phone.Trim(), Language = lang, Subject = mail.Kind, Text = templates.Sms(mail, lang),
        });
        return this;
    }
}
