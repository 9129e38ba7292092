using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marketplace.Notifications.Templates;

/// <summary>A table of amounts in a message: the lines of an order or of a cooperative's part.</summary>
internal sealed record MailLine(string Label, int? Quantity, decimal Amount);

/// <summary>What one message says, before it is written in its reader's language.</summary>
/// <param name="Kind">the texts' prefix: "order_confirmed", "sub_order_new"...</param>
/// <param name="Values">the placeholders of the texts ({number}, {cooperative}...), as text; "{payment}", "{reason}" and
/// "{method}" are codes translated here when they have a text.</param>
/// <param name="Link">the absolute address of the page concerned.</param>
/// <param name="Scope">what the message is about within its event when one event tells a recipient of several things (a
/// sub-order of an order placed with three cooperatives): part of its once-only key.</param>
internal sealed record Mail(string Kind, IReadOnlyDictionary<string, string> Values, string Link, IReadOnlyList<MailLine>? Lines = null,
    decimal? Total = null, string? Scope = null)
{
    public string Key => Scope is null ? Kind : $"{Kind}/{Scope}";
}

internal sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>
/// The mails' texts (Resources/mail.{ar,fr,en}.json, beside the pages' texts, embedded in this assembly) and their layout:
/// HTML with the reader's language and direction (Arabic right to left) and a plain-text part, the platform's name and a link.
/// Tamazight readers get French until the texts exist in it. Every value is HTML-encoded.
/// </summary>
internal sealed class MailTemplates
{
    public static readonly string[] Languages = ["ar", "fr", "en"];
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> texts = Languages.ToFrozenDictionary(l => l, Load);

    public string LanguageFor(string? language) => Languages.Contains(language) ? language! : "fr";

    public string Text(string language, string key) =>
        texts[LanguageFor(language)].GetValueOrDefault("mail." + key) ?? texts["fr"].GetValueOrDefault("mail." + key) ?? key;

    public RenderedMail Render(Mail mail, string language, string recipientName)
    {
        var lang = LanguageFor(language);
        var values = Values(mail, lang);
        string T(string key) => Fill(Text(lang, key), values);
        var subject = T($"{mail.Kind}.subject");
        var hello = Fill(Text(lang, "common.hello"), new Dictionary<string, string> { ["name"] = recipientName });
        var intro = T($"{mail.Kind}.intro");
        var button = T($"{mail.Kind}.button");
        var platform = Text(lang, "common.platform");
        var footer = Text(lang, "common.footer");
        var dir = lang == "ar" ? "rtl" : "ltr";
        var align = lang == "ar" ? "right" : "left";
        var culture = CultureInfo.GetCultureInfo(lang == "ar" ? "ar-MA" : lang == "en" ? "en-GB" : "fr-MA");

        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>");
        html.Append($"<body style=\"margin:0;padding:16px;background:#f6f1e7;font-family:Arial,sans-serif;color:#2b2118;text-align:{align}\">");
        html.Append("<div style=\"max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:20px\">");
        html.Append($"<p style=\"margin:0 0 12px;font-weight:bold;color:#8a4b14\">{E(platform)}</p>");
        html.Append($"<p>{E(hello)}</p><p>{E(intro)}</p>");
        var text = new StringBuilder().AppendLine(platform).AppendLine().AppendLine(hello).AppendLine().AppendLine(intro).AppendLine();
        if (mail.Lines is { Count: > 0 } lines)
        {
            html.Append("<table style=\"width:100%;border-collapse:collapse\" role=\"presentation\">");
            html.Append($"<tr><th style=\"text-align:{align}\">{E(Text(lang, "common.product"))}</th><th>{E(Text(lang, "common.quantity"))}</th>");
            html.Append($"<th style=\"text-align:{(lang == "ar" ? "left" : "right")}\">{E(Text(lang, "common.amount"))}</th></tr>");
            foreach (var line in lines)
            {
                var amount = Amount(line.Amount, culture);
                html.Append($"<tr><td>{E(line.Label)}</td><td style=\"text-align:center\">{line.Quantity?.ToString(culture)}</td>");
                html.Append($"<td style=\"text-align:{(lang == "ar" ? "left" : "right")};white-space:nowrap\">{E(amount)}</td></tr>");
                text.AppendLine(line.Quantity is { } q ? $"- {line.Label} x {q}: {amount}" : $"- {line.Label}: {amount}");
            }
            if (mail.Total is { } total)
            {
                html.Append($"<tr><th style=\"text-align:{align}\" colspan=\"2\">{E(Text(lang, "common.total"))}</th>");
                html.Append($"<th style=\"text-align:{(lang == "ar" ? "left" : "right")};white-space:nowrap\">{E(Amount(total, culture))}</th></tr>");
                text.AppendLine($"{Text(lang, "common.total")}: {Amount(total, culture)}");
            }
            html.Append("</table>");
            text.AppendLine();
        }
        html.Append($"<p style=\"margin:20px 0\"><a href=\"{E(mail.Link)}\" style=\"background:#8a4b14;color:#fff;padding:10px 16px;");
        html.Append($"border-radius:6px;text-decoration:none\">{E(button)}</a></p>");
        html.Append($"<p style=\"font-size:12px;color:#6b5a4a\">{E(footer)}</p></div></body></html>");
        text.AppendLine($"{button}: {mail.Link}").AppendLine().AppendLine(footer);
        return new RenderedMail(subject, html.ToString(), text.ToString());
    }

    /// <summary>A short text (an SMS): the kind's ".sms" text with its values and the link.</summary>
    public string Sms(Mail mail, string language)
    {
        var lang = LanguageFor(language);
        var values = new Dictionary<string, string>(Values(mail, lang)) { ["link"] = mail.Link };
        return Fill(Text(lang, $"{mail.Kind}.sms"), values);
    }

    /// <summary>Values that are codes with a text of their own ("payment.card"); other values are shown as they are.</summary>
    private static readonly string[] Codes = ["payment", "reason", "method"];

    private Dictionary<string, string> Values(Mail mail, string lang)
    {
        var values = new Dictionary<string, string>(mail.Values);
        foreach (var code in Codes)
            if (values.TryGetValue(code, out var value) && texts[lang].GetValueOrDefault($"mail.{code}.{value}") is { } text) values[code] = text;
        return values;
    }

    private static string Amount(decimal amount, CultureInfo culture) => $"{amount.ToString("N2", culture)} MAD";

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (t, v) => t.Replace("{" + v.Key + "}", v.Value, StringComparison.Ordinal));

    /// <summary>HTML-encodes the five characters that matter, leaving letters of every script as they are (readable source).</summary>
    private static string E(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
        .Replace("\"", "&quot;").Replace("'", "&#39;");

    private static FrozenDictionary<string, string> Load(string language)
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream($"mail.mail.{language}.json")
            ?? throw new InvalidOperationException($"The mail texts mail.{language}.json are not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary();
    }
}
