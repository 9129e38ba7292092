using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The balance part of the cooperative's journey (Payouts module).</summary>
public static class CoopBalanceSteps
{
    public static Task SeeTheBalanceChangeAsync(BrowserApp app, IPage page, MarketCooperative coop, CoopWords w, string shot) =>
        Task.CompletedTask; // the Payouts module has not landed yet: nothing to read the balance from
}
