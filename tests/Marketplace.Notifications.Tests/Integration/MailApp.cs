namespace Marketplace.Notifications.Tests.Integration;

/// <summary>
/// The platform sending real e-mail to smtp4dev through a <see cref="FlakySmtp"/> (passing unless a test makes it fail),
/// SMS to an SMS provider's fake, with Hangfire's server on and retries a second apart.
/// </summary>
public sealed class MailApp : MarketplaceApp, IAsyncLifetime
{
    public FlakySmtp Smtp { get; } = new() { Failing = false };
    public SmsGatewayFake SmsGateway { get; } = new();
    public HttpMarket Market { get; }

    public MailApp() => Market = new HttpMarket(this);

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Jobs:Server"] = "true";
        settings["Marketplace:Jobs:Workers"] = "4";
        Smtp4dev.SendMailHere(settings, Smtp.Port);
        settings["Marketplace:Smtp:From"] = "Coopératives du Souss-Massa <no-reply@test.souss-massa.ma>";
        settings["Marketplace:Sms:Url"] = SmsGateway.Url;
        settings["Marketplace:Sms:Token"] = "sms-token-1";
        settings["Marketplace:Notifications:RetryDelay"] = "00:00:01";
        settings["Marketplace:Notifications:MaxAttempts"] = "5"; // given up after 1 + 2 + 4 + 8 s
        settings["Marketplace:PublicBaseUrl"] = "https://coop.example.ma";
        settings["Marketplace:Notifications:AlertsCron"] = "*/2 * * * * *"; // every 2 seconds (Hangfire takes seconds as a sixth field)
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        SmsGateway.Dispose();
    }
}
