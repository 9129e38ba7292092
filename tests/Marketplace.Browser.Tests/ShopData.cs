using System.Net.Http.Headers;

namespace Marketplace.Browser.Tests;

/// <summary>Cooperatives and products made through the HTTP API of API.md, as cooperatives and the programme team would.</summary>
public static class ShopData
{
    /// <param name="Admin">the platform's administrator, who verifies the cooperative's certificates.</param>
    public sealed record Cooperative(Guid Id, TestUser Owner, string NameAr, string NameFr, TestUser Admin);

    public sealed record Product(Guid Id, Cooperative Cooperative, string NameAr, string NameFr, decimal Price);

    /// <summary>A tiny real PNG (8 x 6, argan brown), for the images that the Catalogue serves.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM40aOBFTEMpAQA/4JHQe0VMhIAAAAASUVORK5CYII=");

    /// <summary>A short random word in Arabic letters, so that a test finds its own products among the others.</summary>
    public static string ArabicWord(int letters = 5) =>
        new(Enumerable.Range(0, letters).Select(_ => "بتثجحخدذرزسشصضطظعغفقكلمن"[Random.Shared.Next(24)]).ToArray());

    /// <summary>A verified cooperative; with <paramref name="flatFee"/>, its delivery fee (waived from <paramref name="freeAbove"/>).</summary>
    public static async Task<Cooperative> NewCooperativeAsync(this MarketplaceApp app, string nameAr, string nameFr, string province = "taroudant",
        decimal? flatFee = null, decimal? freeAbove = null, string[]? sectors = null)
    {
        var owner = await app.NewShopperAsync("owner");
        var applied = await owner.Client.PostJson("/api/cooperatives", new
        {
            name = new { ar = nameAr, fr = nameFr, en = nameFr },
            registrationNumber = $"{Random.Shared.Next(10000, 99999)}/{Random.Shared.Next(10, 99)}",
            province,
            sectors = sectors ?? ["argan", "honey"],
            contactEmail = owner.Email,
            phone = "+212612345678",
            description = new { ar = "تعاونية نسائية من سوس.", fr = "Une coopérative de femmes du Souss." },
        });
        await applied.ShouldHaveStatus(201);
        var id = (await applied.Json())["id"]!.GetValue<Guid>();
        var admin = await app.AdminAsync();
        await (await admin.Client.PostJson($"/api/admin/cooperatives/{id}/verify")).ShouldHaveStatus(200);
        if (flatFee is { } fee)
            await (await owner.Client.PutJson($"/api/cooperatives/{id}/shipping", new
            {
                flatFee = new { amount = fee, currency = "MAD" },
                freeAbove = freeAbove is { } above ? new { amount = above, currency = "MAD" } : null,
            })).ShouldHaveStatus(200);
        return new Cooperative(id, owner, nameAr, nameFr, admin);
    }

    /// <summary>A published product of the cooperative.</summary>
    public static async Task<Product> NewProductAsync(this Cooperative cooperative, string nameAr, string nameFr, decimal price, int stock = 20,
        string category = "amlou-spreads", string[]? labels = null, string? foodSafetyNumber = null, string unit = "250 g", bool withImage = false)
    {
        var client = cooperative.Owner.Client;
        var created = await client.PostJson($"/api/cooperatives/{cooperative.Id}/products", new
        {
            sku = $"T-{Guid.NewGuid():N}"[..14],
            category,
            name = new { ar = nameAr, fr = nameFr, en = nameFr },
            description = new { ar = "منتوج تقليدي من سوس.", fr = "Un produit traditionnel du Souss." },
            price = new { amount = price, currency = "MAD" },
            unit,
            stock,
            labels = labels ?? [],
            foodSafetyNumber,
        });
        await created.ShouldHaveStatus(201);
        var id = (await created.Json())["id"]!.GetValue<Guid>();
        if (withImage)
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            await (await client.PostAsync($"/api/cooperatives/{cooperative.Id}/products/{id}/images",
                new MultipartFormDataContent { { file, "file", "photo.png" } })).ShouldHaveStatus(201);
        }
        await (await client.PostJson($"/api/cooperatives/{cooperative.Id}/products/{id}/publish")).ShouldHaveStatus(200);
        foreach (var label in labels ?? []) await cooperative.CertifyAsync(id, label);
        if (labels is { Length: > 0 })
            await Poll.UntilAsync(async () => (await (await client.GetAsync($"/api/products/{id}")).Json())["labels"]!.AsArray().Count,
                n => n == labels.Length, what: "the product's certified labels");
        return new Product(id, cooperative, nameAr, nameFr, price);
    }

    /// <summary>A certificate of the label's kind covering the product, sent by the cooperative and verified by the administrator.</summary>
    public static async Task CertifyAsync(this Cooperative cooperative, Guid productId, string label)
    {
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { pdf, "file", "certificate.pdf" } };
        foreach (var (name, value) in new[] { ("kind", label.ToLowerInvariant()), ("identifier", $"{label}-{Guid.NewGuid():N}"[..24]), ("issuer", "Normacert"),
                     ("validFrom", DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd")), ("validTo", DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd")),
                     ("productIds", productId.ToString()) })
            form.Add(new StringContent(value), name);
        var sent = await (await (await cooperative.Owner.Client.PostAsync($"/api/cooperatives/{cooperative.Id}/certificates", form)).ShouldHaveStatus(201)).Json();
        await (await cooperative.Admin.Client.PostJson($"/api/admin/certificates/{sent["id"]}/verify")).ShouldHaveStatus(200);
    }

    /// <summary>Sets the product's quantity on hand (a stock count by its cooperative).</summary>
    public static async Task SetStockAsync(this Product product, int quantity) =>
        await (await product.Cooperative.Owner.Client.PutJson(
            $"/api/cooperatives/{product.Cooperative.Id}/products/{product.Id}/stock", new { quantity })).ShouldHaveStatus(200);
}
