using System.Text;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// The balance part of the cooperative's journey (Payouts module): before delivery the cooperative owes nothing; once a
/// cash-on-delivery order is delivered it owes the platform the commission on its items, which its balance, its ledger
/// and the month's statement (CSV) show.
/// </summary>
public static class CoopBalanceSteps
{
    public static async Task SeeANothingOwedBalanceAsync(IPage page, MarketCooperative coop, CoopWords w, string shot)
    {
        await page.Locator(".coop-nav").GetByRole(AriaRole.Link, new() { Name = w.Balance, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/coop/{coop.Id}/balance");
        (await page.TextContentAsync("h1")).Should().Be(w.Balance);
        (await page.TextContentAsync("[data-testid=owed]")).Should().Be(w.Money("0,00"));
        (await page.TextContentAsync("[data-testid=payable]")).Should().Be(w.Money("0,00"));
        (await page.Locator("table.ledger tbody tr").CountAsync()).Should().Be(0, "nothing was delivered yet");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"coop-journey-0-balance-before-{shot}");
    }

    /// <param name="items">the amount of the delivered order's items (commission is on items, not on the delivery fee).</param>
    public static async Task SeeTheBalanceChangeAsync(BrowserApp app, IPage page, MarketCooperative coop, string orderNumber, decimal items,
        CoopWords w, string shot)
    {
        var commission = await CommissionAsync(app, items);
        var owed = w.Money(commission.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','));
        await page.Locator(".coop-nav").GetByRole(AriaRole.Link, new() { Name = w.Balance, Exact = true }).ClickAsync();
        await Poll.UntilAsync(async () =>
        {
            await page.GotoAsync($"/coop/{coop.Id}/balance");
            return await page.TextContentAsync("[data-testid=owed]");
        }, shown => shown == owed, TimeSpan.FromSeconds(20), "the delivery reaches the cooperative's balance");

        (await page.TextContentAsync("[data-testid=payable]")).Should().Be(owed, "nothing is available: all of the commission is still owed");
        (await page.TextContentAsync("[data-testid=available]")).Should().Be(w.Money("0,00"), "cash on delivery: the cooperative holds the money");
        var entry = page.Locator($"table.ledger tbody tr[data-reference='{orderNumber}']");
        (await entry.CountAsync()).Should().Be(1);
        (await entry.TextContentAsync()).Should().Contain(w.CashCommission).And.Contain(w.OwedAccount);
        (await entry.Locator("[data-testid=amount]").TextContentAsync())!.Replace("\u2066", "").Replace("\u2069", "").Should().Be("+" + owed);
        (await entry.Locator("[data-testid=after]").TextContentAsync()).Should().Be(owed);
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"coop-journey-5-balance-after-{shot}");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = w.DownloadStatement }).ClickAsync());
        download.SuggestedFilename.Should().MatchRegex(@"^statement-\d{4}-\d{2}\.csv$");
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var amount = commission.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        csv.Should().Contain("date,cooperative,kind,account,reference,amount,balance_after,currency")
            .And.Contain($",cash_sale_commission,owed_to_platform,{orderNumber},{amount},{amount},MAD");
    }

    /// <summary>The commission the platform takes on <paramref name="items"/> of the test products' category, at the rates in force.</summary>
    private static async Task<decimal> CommissionAsync(BrowserApp app, decimal items)
    {
        var admin = await app.AdminAsync();
        var rates = await (await (await admin.Client.GetAsync("/api/admin/commission")).ShouldHaveStatus(200)).Json();
        var rate = rates["categoryRates"]?["argan-culinary-oil"]?.GetValue<decimal>() ?? rates["defaultRate"]!.GetValue<decimal>();
        return Math.Round(items * rate, 2, MidpointRounding.AwayFromZero);
    }
}
