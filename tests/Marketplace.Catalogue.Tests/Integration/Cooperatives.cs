using System.Text.Json.Nodes;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>Cooperatives made over the HTTP API of API.md (the Cooperatives module), as a real cooperative would.</summary>
internal static class Cooperatives
{
    public sealed record TestCooperative(Guid Id, TestUser Owner);

    public static async Task<TestCooperative> NewCooperativeAsync(this MarketplaceApp app, bool verified = true, string province = "taroudant",
        string name = "Coopérative Tifaouine")
    {
        var owner = await app.NewShopperAsync("owner");
        var applied = await owner.Client.PostJson("/api/cooperatives", new
        {
            name = new { fr = name, ar = "تعاونية تيفاوين", en = name },
            registrationNumber = $"{Random.Shared.Next(10000, 99999)}/{Random.Shared.Next(10, 99)}",
            province,
            sectors = new[] { "argan", "honey" },
            contactEmail = owner.Email,
            phone = "+212612345678",
            description = new { fr = "Une coopérative de femmes du Souss." },
        });
        await applied.ShouldHaveStatus(201);
        var id = (await applied.Json())["id"]!.GetValue<Guid>();
        if (verified) await app.AdminDoesAsync(id, "verify");
        return new TestCooperative(id, owner);
    }

    /// <summary>POST /api/admin/cooperatives/{id}/verify, /suspend or /reinstate.</summary>
    public static async Task AdminDoesAsync(this MarketplaceApp app, Guid cooperativeId, string action)
    {
        var admin = await app.AdminAsync();
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{cooperativeId}/{action}")).ShouldHaveStatus(200);
    }

    /// <summary>Adds a registered user to the cooperative's staff (by its owner).</summary>
    public static async Task<TestUser> NewStaffAsync(this MarketplaceApp app, TestCooperative cooperative)
    {
        var staff = await app.NewShopperAsync("staff");
        await (await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/staff", new { email = staff.Email })).ShouldHaveStatus(201);
        return staff;
    }

    public static object ProductBody(string? sku = null, string category = "argan-culinary-oil", decimal price = 180m, int stock = 12,
        object? name = null, string[]? labels = null, string province = "taroudant", string? foodSafetyNumber = "ONSSA 12.34.567") => new
    {
        sku = sku ?? $"ARG-{Guid.NewGuid():N}"[..12],
        category,
        name = name ?? new { ar = "زيت الأركان الغذائي", fr = "Huile d'argan alimentaire", en = "Culinary argan oil" },
        description = new { fr = "Pressée à froid à partir d'amandons torréfiés.", en = "Cold-pressed from roasted kernels." },
        price = new { amount = price, currency = "MAD" },
        unit = "bottle 250 ml",
        stock,
        labels = labels ?? ["IGP"],
        foodSafetyNumber,
        province,
    };

    public static async Task<Guid> NewProductAsync(this TestCooperative cooperative, object? body = null, bool publish = true)
    {
        var created = await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/products", body ?? ProductBody());
        await created.ShouldHaveStatus(201);
        var id = (await created.Json())["id"]!.GetValue<Guid>();
        if (publish) await (await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/products/{id}/publish")).ShouldHaveStatus(200);
        return id;
    }

    public static async Task<JsonNode> DetailsAsync(this HttpClient client, Guid productId, string? lang = null) =>
        await (await (await client.GetAsync($"/api/products/{productId}{(lang is null ? "" : $"?lang={lang}")}")).ShouldHaveStatus(200)).Json();
}
