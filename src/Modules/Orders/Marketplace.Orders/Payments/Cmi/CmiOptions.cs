namespace Marketplace.Orders.Payments.Cmi;

/// <summary>Marketplace:Payments:CardProvider (stripe or cmi) and Marketplace:Cmi (API.md): CMI's merchant settings.</summary>
internal sealed class CmiOptions
{
    public const string Section = "Marketplace:Cmi";
    public const string TestGateway = "https://testpayment.cmi.co.ma/fim/est3Dgate";

    public string? ClientId { get; set; }
    public string? StoreKey { get; set; }
    public string GatewayUrl { get; set; } = TestGateway;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(StoreKey);
}
