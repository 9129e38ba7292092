using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>What the administration's tests set up through the HTTP API (API.md), and the administrator's sign-in.</summary>
internal static class AdminData
{
    public sealed record PendingCooperative(Guid Id, string Name, string ArabicName, TestUser Owner);

    /// <summary>A shopper applies for a cooperative (POST /api/cooperatives): it waits for verification.</summary>
    public static async Task<PendingCooperative> NewPendingCooperativeAsync(this BrowserApp app, string province = "tiznit")
    {
        var owner = await app.NewShopperAsync("owner");
        var n = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (name, arabic) = ($"Coopérative Tifawin {n}", $"تعاونية تيفاوين {n}");
        var created = await owner.Client.PostJson("/api/cooperatives", new
        {
            name = new { fr = name, ar = arabic },
            registrationNumber = $"RC-TZ-{Guid.NewGuid():N}"[..20].ToUpperInvariant(),
            province,
            sectors = new[] { "argan", "amlou" },
            contactEmail = $"tifawin-{n}@test.ma".ToLowerInvariant(),
            phone = "0612345678",
            description = new { fr = "Huile d'argan et amlou de femmes de Tiznit", ar = "زيت الأركان وأملو من نساء تيزنيت" },
        });
        var id = (await (await created.ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        return new PendingCooperative(id, name, arabic, owner);
    }

    /// <summary>The public directory (GET /api/cooperatives), searched by the cooperative's name.</summary>
    public static async Task<bool> InDirectoryAsync(this BrowserApp app, PendingCooperative cooperative)
    {
        var list = await (await (await app.Anonymous().GetAsync($"/api/cooperatives?q={Uri.EscapeDataString(cooperative.Name)}")).ShouldHaveStatus(200)).Json();
        return list["items"]!.AsArray().Any(i => i!["id"]!.GetValue<Guid>() == cooperative.Id);
    }

    /// <summary>A shopper orders <paramref name="quantity"/> of the product with cash on delivery; answers the order.</summary>
    public static async Task<JsonNode> OrderWithCashAsync(this BrowserApp app, MarketProduct product, int quantity)
    {
        var shopper = await app.NewShopperAsync("client");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                lines = new[] { new { productId = product.Id, quantity } },
                shippingAddress = new
                {
                    fullName = "Khadija Ouhammou", phone = "0661234567", line1 = "Hay Dakhla, rue 12", city = "Agadir",
                    province = "Agadir Ida-Outanane", postalCode = "80060",
                },
                paymentMethod = "cash_on_delivery",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await (await (await shopper.Client.SendAsync(request)).ShouldHaveStatus(201)).Json();
    }

    /// <summary>The cooperative accepts, ships and delivers its part of the order (the cash is collected).</summary>
    public static async Task DeliverAsync(this MarketCooperative cooperative, JsonNode order)
    {
        var subOrderId = order["subOrders"]!.AsArray().Single(s => s!["cooperativeId"]!.GetValue<Guid>() == cooperative.Id)!["id"]!.GetValue<Guid>();
        var path = $"/api/cooperatives/{cooperative.Id}/orders/{subOrderId}";
        await (await cooperative.Owner.Client.PostJson($"{path}/accept")).ShouldHaveStatus(200);
        await (await cooperative.Owner.Client.PostJson($"{path}/ship", new { carrier = "Amana", trackingNumber = "AM-778899-MA" })).ShouldHaveStatus(200);
        await (await cooperative.Owner.Client.PostJson($"{path}/deliver")).ShouldHaveStatus(200);
    }

    /// <summary>Signs the administrator in through the sign-in page, then shows pages in <paramref name="language"/>.</summary>
    public static async Task<IPage> AdminPageAsync(this BrowserApp app, bool phone, string language)
    {
        var page = await app.NewPageAsync(phone);
        await page.GotoAsync("/account/login?lang=fr");
        await page.GetByLabel("Adresse e-mail").FillAsync(MarketplaceApp.AdminEmail);
        await page.GetByLabel("Mot de passe").FillAsync(MarketplaceApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.GotoAsync($"/admin?lang={language}");
        return page;
    }
}
