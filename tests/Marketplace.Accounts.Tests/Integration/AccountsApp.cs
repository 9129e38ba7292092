namespace Marketplace.Accounts.Tests.Integration;

/// <summary>The platform with a known token key, so that tests can forge, expire and tamper with tokens.</summary>
public sealed class AccountsApp : MarketplaceApp
{
    public static readonly byte[] SigningKey = Enumerable.Range(1, 48).Select(i => (byte)(i * 7)).ToArray();

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Marketplace:Auth:SigningKey"] = Convert.ToBase64String(SigningKey);
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsApp>
{
    public const string Name = "accounts";
}
