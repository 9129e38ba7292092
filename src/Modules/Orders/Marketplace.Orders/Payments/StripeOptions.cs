namespace Marketplace.Orders.Payments;

/// <summary>Marketplace:Stripe (API.md). Without a secret key, card payments are off.</summary>
internal sealed class StripeOptions
{
    public const string Section = "Marketplace:Stripe";
    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Stripe's API base URL; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }
    /// <summary>Webhook signatures older than this are refused (Stripe's default: 300 s).</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;
}
