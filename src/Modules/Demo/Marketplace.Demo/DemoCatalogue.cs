using System.Security.Cryptography;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Demo;

/// <summary>One product of a demo cooperative: a kind of product in one of its sizes, with its sku.</summary>
internal sealed record DemoListing(DemoProduct Product, DemoVariant Variant, string Sku);

/// <summary>
/// The demo data as the commands of the modules take it. Everything is derived from the cooperative's index and the
/// sku (registration numbers, phones, prices, stock, food-safety numbers), so every run asks for the same things.
/// </summary>
internal static class DemoCatalogue
{
    public static IReadOnlyList<DemoCooperative> All => DemoCooperatives.All;
    public static int Cooperatives => All.Count;
    public static readonly int Products = All.Sum(c => ProductsOf(c).Count());

    public static string RegistrationNumber(int index) => $"RC {1200 + index * 37}/{2012 + index % 12}";

    public static ApplyForCooperative Application(int index, DemoCooperative demo, Guid ownerId) => new(ownerId,
        new Dictionary<string, string> { ["fr"] = demo.NameFr, ["ar"] = demo.NameAr, ["en"] = demo.NameFr.Replace("Coopérative", "Cooperative") },
        RegistrationNumber(index), demo.Province,
        ProductsOf(demo).Select(p => p.Product.Category).Distinct().Take(10).ToList(),
        DemoAccounts.OwnerEmailOf(demo, index), $"05 28 {10 + index:00} 24 {30 + index:00}",
        new Dictionary<string, string> { ["fr"] = demo.AboutFr, ["ar"] = demo.AboutAr, ["en"] = demo.AboutEn });

    private static readonly Dictionary<string, string> Towns = new()
    {
        ["agadir-ida-outanane"] = "80000 Agadir", ["inezgane-ait-melloul"] = "86150 Inezgane", ["chtouka-ait-baha"] = "87050 Biougra",
        ["taroudant"] = "83000 Taroudant", ["tiznit"] = "85000 Tiznit", ["tata"] = "84000 Tata",
    };

    /// <summary>A plausible tax identity (ICE of 15 digits, IF, the register number, VAT exempt as cooperatives mostly are).</summary>
    public static SetTaxIdentity TaxIdentity(int index, DemoCooperative demo, Guid cooperativeId, Guid ownerId) => new(cooperativeId, ownerId,
        (1_525_879_000_063L + index * 10_007L).ToString("D15"), (40_512_345 + index).ToString(), RegistrationNumber(index),
        $"Siège de la coopérative, {Towns.GetValueOrDefault(demo.Province, demo.Province)}", "exempt");

    public static IEnumerable<DemoListing> ProductsOf(DemoCooperative demo) =>
        from key in demo.Makes
        let product = DemoProducts.ByKey[key]
        from variant in product.Variants.Select((v, n) => (v, n))
        select new DemoListing(product, variant.v, $"{demo.Code}-{key}-{variant.n + 1}".ToUpperInvariant());

    /// <summary>The listing: prices around the variant's (within -10% and +10%, rounded to 5 MAD), stock by kind of product.</summary>
    public static CreateProduct Listing(int index, DemoCooperative demo, DemoListing listing, Guid cooperativeId, Guid ownerId)
    {
        var (product, variant, sku) = listing;
        var seed = StableHash(sku) & int.MaxValue;
        var price = Math.Max(5m, Math.Round(variant.Price * (0.9m + seed % 21 / 100m) / 5m, MidpointRounding.AwayFromZero) * 5m);
        var stock = product.Category == "solidarity-tourism" ? 8 + seed % 12 : product.Food ? 15 + seed % 90 : 2 + seed % 12;
        return new CreateProduct(cooperativeId, ownerId, sku, product.Category,
            Name(product, variant), Describe(product, demo), new ProductPrice(price, "MAD"), variant.Unit, stock, product.Labels,
            product.Food ? $"ONSSA AS.{31 + index:00}.{100 + seed % 900}.{seed % 97:00}" : null, demo.Province);
    }

    /// <summary>A password nobody knows, for the owners of the other demo cooperatives.</summary>
    public static string UnknownPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <summary>The name, with the size when the product comes in several (so that each size reads apart in a list).</summary>
    private static Dictionary<string, string?> Name(DemoProduct p, DemoVariant v) => p.Variants.Length == 1
        ? new() { ["ar"] = p.Ar, ["fr"] = p.Fr, ["en"] = p.En }
        : new() { ["ar"] = $"{p.Ar} - {v.Unit}", ["fr"] = $"{p.Fr} - {v.Unit}", ["en"] = $"{p.En} - {v.Unit}" };

    private static Dictionary<string, string?> Describe(DemoProduct p, DemoCooperative c) => new()
    {
        ["ar"] = p.DescAr.Replace("{va}", c.VillageAr),
        ["fr"] = p.DescFr.Replace("{v}", c.VillageFr),
        ["en"] = p.DescEn.Replace("{v}", c.VillageFr),
    };

    private static int StableHash(string s) => s.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
