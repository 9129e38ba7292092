namespace Marketplace.Notifications.Delivery;

/// <summary>
/// One e-mail or SMS to one recipient about one event. Its id is the key "event:kind:channel:recipient", so an event
/// delivered twice never makes a second message; its state (with optimistic concurrency) lets one sender at a time claim it.
/// </summary>
internal sealed class OutgoingMessage
{
    public const string Email = "email", Sms = "sms";
    public const string Pending = "pending", Sending = "sending", Sent = "sent", Failed = "failed";
    public static readonly string[] States = [Pending, Sending, Sent, Failed];

    public string Id { get; set; } = "";
    public string Channel { get; set; } = Email;
    public string Kind { get; set; } = "";
    public string To { get; set; } = "";
    public string Language { get; set; } = "fr";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Html { get; set; }
    public string State { get; set; } = Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    public static string KeyOf(string source, string kind, string channel, string recipient) =>
        $"{source}:{kind}:{channel}:{recipient.Trim().ToLowerInvariant()}";
}
