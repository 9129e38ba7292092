namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// Another Host on the database of the collection's app, without an async daemon: the tests' Hosts run theirs in Solo
/// mode, and two Solo daemons on one database fight over the same subscriptions (the first app's would stop).
/// </summary>
internal sealed class SecondNode(TestDatabase database) : MarketplaceApp(database)
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Marten:Daemon"] = "Disabled";
}
