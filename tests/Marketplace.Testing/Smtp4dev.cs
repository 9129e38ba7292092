using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Testing;

/// <summary>A message as smtp4dev received it.</summary>
public sealed record ReceivedMail(string Id, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedAt);

/// <summary>
/// The local mail server of the tests (smtp4dev, started by build/test.sh): its SMTP port for the platform, its API to read
/// what was sent. MARKETPLACE_TEST_SMTP_PORT (2525) and MARKETPLACE_TEST_SMTP_WEB (http://127.0.0.1:5025).
/// Tests tell their messages apart by recipient (fresh e-mail addresses).
/// </summary>
public static class Smtp4dev
{
    public static int SmtpPort => int.Parse(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_SMTP_PORT") ?? "2525");
    private static readonly HttpClient Web = new()
    {
        BaseAddress = new Uri(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_SMTP_WEB") ?? "http://127.0.0.1:5025"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The settings of a test host that sends its e-mail to smtp4dev (or to <paramref name="port"/>: a fault in front of it).</summary>
    public static void SendMailHere(IDictionary<string, string?> settings, int? port = null)
    {
        settings["Marketplace:Smtp:Host"] = "127.0.0.1";
        settings["Marketplace:Smtp:Port"] = (port ?? SmtpPort).ToString();
        settings["Marketplace:Smtp:Security"] = "None";
    }

    /// <summary>Every message received for <paramref name="recipient"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> ToAsync(string recipient)
    {
        var page = await Web.GetFromJsonAsync<JsonObject>("/api/messages?pageSize=5000");
        return page!["results"]!.AsArray().Select(m => new ReceivedMail(m!["id"]!.GetValue<string>(), m["from"]!.GetValue<string>(),
                m["to"]!.AsArray().Select(t => t!.GetValue<string>()).ToList(), m["subject"]!.GetValue<string>(),
                m["receivedDate"]!.GetValue<DateTimeOffset>()))
            .Where(m => m.To.Any(t => t.Equals(recipient, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.ReceivedAt).ToList();
    }

    /// <summary>Waits until <paramref name="recipient"/> has at least <paramref name="count"/> messages matching <paramref name="subject"/>.</summary>
    public static Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string recipient, Func<ReceivedMail, bool>? subject = null, int count = 1,
        TimeSpan? timeout = null) =>
        Poll.UntilAsync(async () => (IReadOnlyList<ReceivedMail>)(await ToAsync(recipient)).Where(subject ?? (_ => true)).ToList(),
            m => m.Count >= count, timeout ?? TimeSpan.FromSeconds(60), $"{count} mail(s) to {recipient}");

    public static Task<string> HtmlAsync(ReceivedMail mail) => Web.GetStringAsync($"/api/messages/{mail.Id}/html");

    public static Task<string> TextAsync(ReceivedMail mail) => Web.GetStringAsync($"/api/messages/{mail.Id}/plaintext");

    /// <summary>The whole message as sent (headers and MIME parts).</summary>
    public static Task<string> SourceAsync(ReceivedMail mail) => Web.GetStringAsync($"/api/messages/{mail.Id}/source");
}
