using System.Security.Cryptography;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Marketplace.Demo;

/// <summary>What a seeding run did: what it found already there, and what it added.</summary>
internal sealed record DemoSeedReport(int Cooperatives, int CooperativesAdded, int Products, int ProductsAdded, string? AccountsFile);

/// <summary>
/// Loads the demo cooperatives, products and accounts through the modules' public commands (the API's own rules),
/// idempotently: every step first asks whether its result is already there (user by e-mail, cooperative by
/// registration number, product by sku), so running it again, or on two nodes at once, adds nothing twice.
/// </summary>
internal sealed class DemoSeeder(IMediator mediator, IConfiguration config, ILogger<DemoSeeder> logger)
{
    public const string OwnerEmail = "cooperative@demo.souss-massa.ma";
    public const string OwnerPassword = "demo-cooperative-2026";
    public const string ShopperEmail = "shopper@demo.souss-massa.ma";
    public const string ShopperPassword = "demo-shopper-2026";

    public async Task<DemoSeedReport> SeedAsync(CancellationToken ct)
    {
        var adminEmail = config["Marketplace:Admin:Email"]
            ?? throw new InvalidOperationException("The demo data needs the first administrator (Marketplace:Admin:Email) to verify cooperatives.");
        var admin = await mediator.Send(new FindUserByEmail(adminEmail), ct)
            ?? throw new InvalidOperationException($"The administrator {adminEmail} does not exist yet.");
        await mediator.Send(new EnsureUser(ShopperEmail, ShopperPassword, "Salma (demo shopper)"), ct);
        int cooperativesAdded = 0, products = 0, productsAdded = 0;
        for (var i = 0; i < DemoCooperatives.All.Count; i++)
        {
            var demo = DemoCooperatives.All[i];
            var ownerId = await mediator.Send(i == 0
                ? new EnsureUser(OwnerEmail, OwnerPassword, "Fadma (demo cooperative owner)")
                : new EnsureUser($"{demo.Code.ToLowerInvariant()}@demo.souss-massa.ma", RandomPassword(), demo.NameFr), ct);
            var (cooperativeId, added) = await EnsureCooperativeAsync(i, demo, ownerId, admin.Id, ct);
            if (added) cooperativesAdded++;
            foreach (var (product, variant, sku) in ProductsOf(demo))
            {
                products++;
                if (await EnsureProductAsync(i, demo, cooperativeId, ownerId, product, variant, sku, ct)) productsAdded++;
            }
        }
        var file = await WriteAccountsAsync(ct);
        logger.LogInformation("Demo data: {Cooperatives} cooperatives ({CooperativesAdded} new), {Products} products ({ProductsAdded} new)",
            DemoCooperatives.All.Count, cooperativesAdded, products, productsAdded);
        return new DemoSeedReport(DemoCooperatives.All.Count, cooperativesAdded, products, productsAdded, file);
    }

    private async Task<(Guid Id, bool Added)> EnsureCooperativeAsync(int index, DemoCooperative demo, Guid ownerId, Guid adminId, CancellationToken ct)
    {
        var number = $"RC {1200 + index * 37}/{2012 + index % 12}";
        var id = await mediator.Send(new FindCooperativeByRegistrationNumber(number), ct);
        var added = false;
        if (id is null)
        {
            try
            {
                id = await mediator.Send(new ApplyForCooperative(ownerId,
                    new Dictionary<string, string> { ["fr"] = demo.NameFr, ["ar"] = demo.NameAr, ["en"] = demo.NameFr.Replace("Coopérative", "Cooperative") },
                    number, demo.Province, ProductsOf(demo).Select(p => p.Product.Category).Distinct().Take(10).ToList(),
                    index == 0 ? OwnerEmail : $"{demo.Code.ToLowerInvariant()}@demo.souss-massa.ma", $"05 28 {10 + index:00} 24 {30 + index:00}",
                    new Dictionary<string, string> { ["fr"] = demo.AboutFr, ["ar"] = demo.AboutAr, ["en"] = demo.AboutEn }), ct);
                added = true;
            }
            catch (DomainRuleViolated e) when (e.Code == "registration_number_taken") // another node seeds at the same moment
            {
                id = await mediator.Send(new FindCooperativeByRegistrationNumber(number), ct);
            }
        }
        var access = await mediator.Send(new GetCooperativeAccess(id!.Value, ownerId), ct);
        if (access?.Status == CooperativeStatus.Pending) await mediator.Send(new VerifyCooperative(id.Value, adminId), ct);
        return (id.Value, added);
    }

    private async Task<bool> EnsureProductAsync(int index, DemoCooperative demo, Guid cooperativeId, Guid ownerId, DemoProduct product,
        DemoVariant variant, string sku, CancellationToken ct)
    {
        var existing = await mediator.Send(new FindProductBySku(cooperativeId, sku), ct);
        var added = false;
        if (existing is null)
        {
            var seed = Math.Abs(StableHash(sku));
            var price = Math.Max(5m, Math.Round(variant.Price * (0.9m + seed % 21 / 100m) / 5m, MidpointRounding.AwayFromZero) * 5m);
            var stock = product.Category == "solidarity-tourism" ? 8 + seed % 12 : product.Food ? 15 + seed % 90 : 2 + seed % 12;
            try
            {
                var id = await mediator.Send(new CreateProduct(cooperativeId, ownerId, sku, product.Category,
                    Text(product.Ar, product.Fr, product.En, variant.Unit),
                    Describe(product, demo), new ProductPrice(price, "MAD"), variant.Unit, stock, product.Labels,
                    product.Food ? $"ONSSA AS.{31 + index:00}.{100 + seed % 900}.{seed % 97:00}" : null, demo.Province), ct);
                existing = new ProductState(id, ProductStatus.Draft, 1, stock, stock);
                added = true;
            }
            catch (DomainRuleViolated e) when (e.Code == "sku_taken")
            {
                existing = await mediator.Send(new FindProductBySku(cooperativeId, sku), ct);
            }
        }
        if (existing!.Status == ProductStatus.Draft) await mediator.Send(new PublishProduct(cooperativeId, existing.Id, ownerId), ct);
        return added;
    }

    internal static IEnumerable<(DemoProduct Product, DemoVariant Variant, string Sku)> ProductsOf(DemoCooperative demo) =>
        from key in demo.Makes
        let product = DemoProducts.ByKey[key]
        from variant in product.Variants.Select((v, n) => (v, n))
        select (product, variant.v, $"{demo.Code}-{key}-{variant.n + 1}".ToUpperInvariant());

    /// <summary>The name, with the size when a product comes in several (so that each variant reads apart in a list).</summary>
    private static Dictionary<string, string?> Text(string ar, string fr, string en, string unit) =>
        new() { ["ar"] = $"{ar} - {unit}", ["fr"] = $"{fr} - {unit}", ["en"] = $"{en} - {unit}" };

    private static Dictionary<string, string?> Describe(DemoProduct p, DemoCooperative c) => new()
    {
        ["ar"] = p.DescAr.Replace("{va}", c.VillageAr),
        ["fr"] = p.DescFr.Replace("{v}", c.VillageFr),
        ["en"] = p.DescEn.Replace("{v}", c.VillageFr),
    };

    private async Task<string?> WriteAccountsAsync(CancellationToken ct)
    {
        var path = config["Marketplace:Demo:AccountsFile"] is { Length: > 0 } configured ? configured : DefaultAccountsFile();
        if (path is null) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path,
            $"demo cooperative owner  {OwnerEmail} / {OwnerPassword}   ({DemoCooperatives.All[0].NameFr}, {DemoCooperatives.All[0].VillageFr})\n" +
            $"demo shopper            {ShopperEmail} / {ShopperPassword}\n", ct);
        return path;
    }

    /// <summary>build/demo-accounts.txt of the checkout the Host runs from (where Marketplace.sln is), which run.sh prints.</summary>
    private static string? DefaultAccountsFile()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                    return Path.Combine(dir.FullName, "build", "demo-accounts.txt");
        return null;
    }

    private static string RandomPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    private static int StableHash(string s) => s.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
