using System.Text.Json.Nodes;

namespace Marketplace.Cooperatives.Tests.Integration;

/// <summary>Short ways to the routes under test; each test makes its own users and cooperatives.</summary>
internal static class Api
{
    public const string ValidRib = "230780000012345678901282";

    public static string NewRegistrationNumber() => $"RC-{Guid.NewGuid():N}"[..24].ToUpperInvariant();

    public static object Application(string? registrationNumber = null, string province = "taroudant", string[]? sectors = null,
        object? name = null, object? description = null) => new
    {
        name = name ?? new { fr = "Coopérative Tifaout", ar = "تعاونية تيفاوت", en = "Tifaout Cooperative" },
        registrationNumber = registrationNumber ?? NewRegistrationNumber(),
        province,
        sectors = sectors ?? ["argan", "cosmetics"],
        contactEmail = "contact@tifaout.ma",
        phone = "+212 6 12 34 56 78",
        description = description ?? new { fr = "Huile d'argan pressée à froid", en = "Cold-pressed argan oil" },
    };

    /// <summary>A new user applies; answers the owner and the pending cooperative's id.</summary>
    public static async Task<(TestUser Owner, Guid Id)> PendingAsync(this MarketplaceApp app, object? application = null)
    {
        var owner = await app.NewShopperAsync("owner");
        var response = await owner.Client.PostJson("/api/cooperatives", application ?? Application());
        var body = await (await response.ShouldHaveStatus(201)).Json();
        return (owner, body["id"]!.GetValue<Guid>());
    }

    public static async Task<(TestUser Owner, Guid Id)> VerifiedAsync(this MarketplaceApp app, object? application = null)
    {
        var (owner, id) = await app.PendingAsync(application);
        var admin = await app.AdminAsync();
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{id}/verify")).ShouldHaveStatus(200);
        return (owner, id);
    }

    /// <summary>A new user added to the cooperative's staff by its owner.</summary>
    public static async Task<TestUser> NewStaffAsync(this MarketplaceApp app, TestUser owner, Guid id)
    {
        var staff = await app.NewShopperAsync("staff");
        await (await owner.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = staff.Email })).ShouldHaveStatus(201);
        return staff;
    }

    public static async Task<JsonNode> GetJson(this HttpClient client, string url, int status = 200)
    {
        var response = await client.GetAsync(url);
        await response.ShouldHaveStatus(status);
        return await response.Json();
    }

    public static IReadOnlyList<Guid> Ids(this JsonNode list) => list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
}
