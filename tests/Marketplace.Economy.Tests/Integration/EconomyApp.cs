using System.Text.Json.Nodes;

namespace Marketplace.Economy.Tests.Integration;

/// <summary>The platform on a real PostgreSQL, with the cooperatives' side over HTTP.</summary>
public sealed class EconomyApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    public EconomyApp() => Market = new HttpMarket(this);

    /// <summary>A verified cooperative with members recorded by its owner (each: full name, joined on, gender; shares 10).</summary>
    public async Task<(MarketCooperative Cooperative, IReadOnlyList<Guid> Members)> CooperativeWithMembersAsync(params (string Name, string JoinedOn)[] members)
    {
        var cooperative = await Market.NewCooperativeAsync();
        var ids = new List<Guid>();
        foreach (var (name, joined) in members)
            ids.Add((await (await (await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/members",
                new { fullName = name, role = "member", joinedOn = joined, gender = "female", shares = 10 })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>());
        return (cooperative, ids);
    }

    public static async Task<JsonNode> SupplyAsync(HttpClient staff, Guid cooperativeId, Guid memberId, string date, decimal kg, decimal price,
        string item = "Amandons d'argan")
    {
        var response = await staff.PostJson($"/api/cooperatives/{cooperativeId}/supplies",
            new { memberId, date, item, quantity = kg, unit = "kg", unitPrice = new { amount = price, currency = "MAD" }, lot = "L-2026-03" });
        return await (await response.ShouldHaveStatus(201)).Json();
    }
}

internal static class Reading
{
    public static async Task<JsonNode> ReadJson(this HttpClient client, string url) => await (await (await client.GetAsync(url)).ShouldHaveStatus(200)).Json();
}
