using System.Globalization;
using System.Numerics;

namespace Marketplace.Bench;

/// <summary>The benchmark's cooperatives and products, derived from their index (every run asks for the same data).</summary>
internal static class Catalogue
{
    public const string Password = "bench-password-2026";
    public const string OwnerEmail = "owner@bench.souss-massa.ma";

    public static string ShopperEmail(int s) => $"shopper{s + 1}@bench.souss-massa.ma";

    /// <summary>The body of POST /api/cooperatives for cooperative <paramref name="i"/> (its RIB: <see cref="Rib"/>).</summary>
    public static object Cooperative(int i)
    {
        var root = Vocabulary.CooperativeRoots[i % Vocabulary.CooperativeRoots.Length];
        var village = Vocabulary.Villages[i / Vocabulary.CooperativeRoots.Length % Vocabulary.Villages.Length];
        return new
        {
            name = new Dictionary<string, string>
            {
                ["ar"] = $"تعاونية {root.Ar} {village.Ar} {i + 1}", ["fr"] = $"Coopérative {root.Fr} {village.Fr} {i + 1}",
                ["en"] = $"{root.En} {village.En} Cooperative {i + 1}",
            },
            registrationNumber = $"BENCH {i + 1}/{2010 + i % 15}",
            province = Vocabulary.Provinces[i % Vocabulary.Provinces.Length],
            sectors = Vocabulary.Kinds.Skip(i % Vocabulary.Kinds.Length).Take(3).Select(k => k.Category).Distinct().ToList(),
            contactEmail = $"cooperative{i + 1}@bench.souss-massa.ma",
            phone = $"05 28 {10 + i / 10000 % 90:00} {i / 100 % 100:00} {i % 100:00}",
            description = new Dictionary<string, string>
            {
                ["ar"] = $"تعاونية نسائية من {village.Ar}.", ["fr"] = $"Coopérative de femmes de {village.Fr}.",
                ["en"] = $"A women's cooperative of {village.En}.",
            },
        };
    }

    /// <summary>A valid RIB (24 digits, the number divisible by 97), different for each cooperative.</summary>
    public static string Rib(int i)
    {
        var first22 = $"225{100 + i % 800:000}{i:0000000000000000}";
        var key = 97 - (int)(BigInteger.Parse(first22, CultureInfo.InvariantCulture) * 100 % 97);
        return first22 + key.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Product <paramref name="j"/> of cooperative <paramref name="i"/>: a kind, a quality and a village in three languages.</summary>
    public static (object Body, decimal Price) Product(int i, int j, Random random, int stock)
    {
        var kind = Vocabulary.Kinds[random.Next(Vocabulary.Kinds.Length)];
        var quality = Vocabulary.Qualities[random.Next(Vocabulary.Qualities.Length)];
        var village = Vocabulary.Villages[random.Next(Vocabulary.Villages.Length)];
        var price = Math.Round(kind.Price * (0.7m + (decimal)random.NextDouble() * 0.8m), 2);
        var labels = kind.Labels.Concat(random.Next(5) == 0 ? [Vocabulary.Labels[random.Next(Vocabulary.Labels.Length)]] : []).Distinct().ToList();
        return (new
        {
            sku = $"B{i + 1:00000}-{j + 1:0000}",
            category = kind.Category,
            name = new Dictionary<string, string>
            {
                ["ar"] = $"{kind.Ar} {quality.Ar} من {village.Ar}", ["fr"] = $"{kind.Fr} {quality.Fr} de {village.Fr}",
                ["en"] = $"{quality.En} {kind.En} from {village.En}",
            },
            description = new Dictionary<string, string>
            {
                ["ar"] = $"{kind.Ar} {quality.Ar}، من إنتاج تعاونية في {village.Ar}، {kind.Unit}.",
                ["fr"] = $"{kind.Fr} {quality.Fr}, produit par une coopérative de {village.Fr} ({kind.Unit}).",
                ["en"] = $"{quality.En} {kind.En.ToLowerInvariant()} made by a cooperative of {village.En} ({kind.Unit}).",
            },
            price = new { amount = price, currency = "MAD" },
            unit = kind.Unit,
            stock,
            labels,
        }, price);
    }
}
