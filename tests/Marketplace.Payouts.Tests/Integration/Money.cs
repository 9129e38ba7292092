using System.Text.Json.Nodes;

namespace Marketplace.Payouts.Tests.Integration;

internal static class MoneyJson
{
    /// <summary>The amount of a Money object {amount, currency}, checking that it is in MAD.</summary>
    public static decimal Mad(this JsonNode? money)
    {
        money!["currency"]!.GetValue<string>().Should().Be("MAD");
        return money["amount"]!.GetValue<decimal>();
    }

    public static async Task<(decimal Available, decimal Pending, decimal Owed)> BalanceAsync(this HttpClient client, Guid cooperativeId)
    {
        var balance = await (await (await client.GetAsync($"/api/cooperatives/{cooperativeId}/balance")).ShouldHaveStatus(200)).Json();
        return (balance["available"].Mad(), balance["pending"].Mad(), balance["owedToPlatform"].Mad());
    }

    public static async Task SetCommissionAsync(this HttpClient admin, decimal defaultRate, object? categoryRates = null) =>
        await (await admin.PutJson("/api/admin/commission", new { defaultRate, categoryRates = categoryRates ?? new { } })).ShouldHaveStatus(200);
}
