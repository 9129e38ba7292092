namespace Marketplace.Browser.Tests;

/// <summary>
/// The payouts journey's own platform with Stripe (a StripeBrowserApp of its own: a fixture per collection): payout runs
/// pay every cooperative owed, so they stay apart from the other journeys' cooperatives and database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PayoutsBrowserCollection : ICollectionFixture<StripeBrowserApp>
{
    public const string Name = "browser-payouts";
}
