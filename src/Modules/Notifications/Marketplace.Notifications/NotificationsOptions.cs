using System.ComponentModel.DataAnnotations;

namespace Marketplace.Notifications;

/// <summary>Outgoing e-mail (Marketplace:Smtp): without a host, no e-mail is sent (the Host says so once at start).</summary>
internal sealed class SmtpOptions
{
    public const string Section = "Marketplace:Smtp";
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 25;
    /// <summary>The sender, "Name &lt;address&gt;" or an address.</summary>
    public string From { get; set; } = "Souss-Massa Coopératives <no-reply@souss-massa-coop.ma>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>MailKit's SecureSocketOptions: Auto (TLS on 465, STARTTLS when offered), None, StartTls, SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";
    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Outgoing SMS (Marketplace:Sms): an HTTP gateway when Url is set, else written to the log.</summary>
internal sealed class SmsOptions
{
    public const string Section = "Marketplace:Sms";
    public string? Url { get; set; }
    public string? Token { get; set; }
}

/// <summary>How messages are retried (Marketplace:Notifications).</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Marketplace:Notifications";
    /// <summary>The wait after a first failure, doubled at each next one (30 s, 1 min, 2 min... at most 1 hour).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Attempts before a message is given up (failed, shown to administrators).</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 12;
    /// <summary>A message claimed by a sender that did not finish within this is taken again (its Host stopped).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often lost or overdue messages are looked for.</summary>
    public string SweepCron { get; set; } = "* * * * *";
    /// <summary>How often administrators' alerts (payments refunded for not matching, parked events) are looked for.</summary>
    public string AlertsCron { get; set; } = "* * * * *";
}
