using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>What the seed made, kept in the run's folder for the next steps (payouts-seed).</summary>
internal sealed record SeedState(Guid OwnerId, List<Guid> Cooperatives, List<Guid> FirstProducts, List<Guid> Shoppers, double Seconds)
{
    public static string File(string dir) => Path.Combine(dir, "seed.json");
    public static SeedState Read(string dir) => JsonSerializer.Deserialize<SeedState>(System.IO.File.ReadAllText(File(dir)), Api.Json)!;
}

/// <summary>
/// The data of the HTTP benchmarks, through the public API only, as cooperatives and shoppers would make it: the owner
/// applies for each cooperative (500), an administrator verifies it, the owner sets its payout account (a RIB); the
/// owner lists each product (100,000) and publishes it; shoppers (32) register. Many requests in flight at once
/// (--parallel). Then the inputs of the wrk scripts in the run's folder. Figures of the load: load.json.
/// </summary>
internal static class Seed
{
    public static async Task RunAsync(Options o)
    {
        var (cooperativeCount, productCount, shopperCount) = (o.Int("cooperatives", 500), o.Int("products", 100_000), o.Int("shoppers", 32));
        var parallel = o.Int("parallel", 24);
        Directory.CreateDirectory(o.Dir);
        var clock = Stopwatch.StartNew();
        var work = new Work();
        using var api = new Api(o.Url, parallel + 8);
        var owner = await api.EnsureUserAsync(Catalogue.OwnerEmail, Catalogue.Password, "Bench cooperatives owner");
        var admin = await api.LoginAsync(o.AdminEmail, o.AdminPassword);

        var (cooperatives, cooperativeSeconds) = await RegisterCooperativesAsync(api, work, owner.Token, admin, 0, cooperativeCount, parallel);

        var perCooperative = productCount / cooperativeCount;
        var products = Enumerable.Range(0, cooperativeCount).Select(_ => new Guid[perCooperative]).ToArray();
        // Each cooperative's products come from its own Random, in order: Parallel.ForEachAsync takes the items one by one.
        var wanted = Enumerable.Range(0, cooperativeCount).SelectMany(i =>
        {
            var random = new Random(i);
            return Enumerable.Range(0, perCooperative).Select(j => (i, j, Catalogue.Product(i, j, random, 100_000).Body));
        });
        var productSeconds = await work.ForEachAsync("products listed and published", wanted, perCooperative * cooperativeCount, parallel,
            async x => products[x.i][x.j] = await ListAndPublishAsync(api, work, owner.Token, cooperatives[x.i], x.Body));

        var shoppers = new (Guid Id, string Token)[shopperCount];
        await Parallel.ForAsync(0, shopperCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(parallel, 8) }, async (s, _) =>
            shoppers[s] = await api.EnsureUserAsync(Catalogue.ShopperEmail(s), Catalogue.Password, $"Bench shopper {s + 1}"));
        var seconds = clock.Elapsed.TotalSeconds;
        Log($"{shoppers.Length} shoppers; data loaded through the API in {seconds:0.0} s");

        WriteInputs(o.Dir, products, shoppers.Select(s => s.Token).ToList());
        File.WriteAllText(SeedState.File(o.Dir), JsonSerializer.Serialize(new SeedState(owner.Id, cooperatives.ToList(),
            products.Select(p => p[0]).ToList(), shoppers.Select(s => s.Id).ToList(), seconds), Api.Json));
        var total = perCooperative * cooperativeCount;
        File.WriteAllText(Path.Combine(o.Dir, "load.json"), JsonSerializer.Serialize(new
        {
            seconds, cooperatives = cooperativeCount, cooperative_seconds = cooperativeSeconds, products = total, product_seconds = productSeconds,
            products_per_s = total / productSeconds, shoppers = shopperCount, parallel, requests = work.Summary(),
        }, Api.Json));
    }

    /// <summary>
    /// Cooperatives <paramref name="from"/> to from + count - 1: the owner applies (201 {id}), an administrator verifies it,
    /// the owner sets its payout account to its RIB. Answers their ids in order and the seconds it took.
    /// </summary>
    public static async Task<(Guid[] Ids, double Seconds)> RegisterCooperativesAsync(Api api, Work work, string owner, string admin,
        int from, int count, int parallel)
    {
        var ids = new Guid[count];
        var seconds = await work.ForEachAsync("cooperatives applied, verified, with a RIB", Enumerable.Range(from, count), count, parallel, async i =>
        {
            var id = (await work.Time("POST /api/cooperatives", () => api.PostAsync("/api/cooperatives", Catalogue.Cooperative(i), owner)))["id"]!
                .GetValue<Guid>();
            await work.Time("POST /api/admin/cooperatives/{id}/verify", () => api.PostAsync($"/api/admin/cooperatives/{id}/verify", null, admin));
            await work.Time("PUT /api/cooperatives/{id}/payout-account", () => api.PutAsync($"/api/cooperatives/{id}/payout-account",
                new { method = "bank_transfer", rib = Catalogue.Rib(i) }, owner));
            ids[i - from] = id;
        });
        return (ids, seconds);
    }

    /// <summary>The owner lists a product (a draft) and publishes it: its id.</summary>
    public static async Task<Guid> ListAndPublishAsync(Api api, Work work, string owner, Guid cooperative, object body)
    {
        var id = (await work.Time("POST /api/cooperatives/{id}/products", () => api.PostAsync($"/api/cooperatives/{cooperative}/products", body, owner)))["id"]!
            .GetValue<Guid>();
        await work.Time("POST .../products/{id}/publish", () => api.PostAsync($"/api/cooperatives/{cooperative}/products/{id}/publish", null, owner));
        return id;
    }

    /// <summary>tokens.txt again, with tokens signed now (a token lives an hour; a default run's load takes minutes).</summary>
    public static async Task TokensAsync(Options o)
    {
        using var api = new Api(o.Url, 8);
        var tokens = new string[o.Int("shoppers", 32)];
        await Parallel.ForAsync(0, tokens.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, _) =>
            tokens[s] = await api.LoginAsync(Catalogue.ShopperEmail(s), Catalogue.Password));
        File.WriteAllLines(Path.Combine(o.Dir, "tokens.txt"), tokens);
    }

    /// <summary>
    /// tokens.txt (a shopper's token a line); carts.txt (three products of two cooperatives a line, over the catalogue);
    /// popular-carts.txt (three of 10 fixed products of three cooperatives a line); product-paths.txt, search-paths.txt
    /// (5,000 searches, some asked many times) and search-unique-paths.txt (searches all different): paths to GET.
    /// </summary>
    private static void WriteInputs(string dir, Guid[][] products, List<string> tokens)
    {
        var random = new Random(2026);
        File.WriteAllLines(Path.Combine(dir, "tokens.txt"), tokens);
        File.WriteAllLines(Path.Combine(dir, "carts.txt"), Enumerable.Range(0, 50_000).Select(_ =>
        {
            var a = random.Next(products.Length);
            var b = (a + 1 + random.Next(products.Length - 1)) % products.Length;
            var two = products[a].OrderBy(_ => random.Next()).Take(2).ToList();
            return $"{two[0]} {two[1]} {products[b][random.Next(products[b].Length)]}";
        }));
        string[] languages = ["ar", "fr", "en"];
        File.WriteAllLines(Path.Combine(dir, "product-paths.txt"), Enumerable.Range(0, 20_000).Select(_ =>
        {
            var list = products[random.Next(products.Length)];
            return $"/api/products/{list[random.Next(list.Length)]}?lang={languages[random.Next(3)]}";
        }));
        var repeated = Searches.Write(dir, random);
        Searches.WriteUnique(dir, new Random(2027), repeated);
        File.WriteAllLines(Path.Combine(dir, "popular-carts.txt"), PopularCarts(products, new Random(2028)));
    }

    /// <summary>
    /// The popular products: the first 4, 3 and 3 products of the first three cooperatives (stock 100,000 each). Each
    /// cart is three different ones of them, never all of one cooperative (two or three sub-orders).
    /// </summary>
    private static IEnumerable<string> PopularCarts(Guid[][] products, Random random)
    {
        if (products.Length < 3 || products[0].Length < 4) throw new ArgumentException("Popular carts need 3 cooperatives of 4 products at least.");
        var popular = products[0].Take(4).Select(p => (Cooperative: 0, Id: p))
            .Concat(products[1].Take(3).Select(p => (Cooperative: 1, Id: p))).Concat(products[2].Take(3).Select(p => (Cooperative: 2, Id: p))).ToArray();
        for (var n = 0; n < 1_000;)
        {
            var three = popular.OrderBy(_ => random.Next()).Take(3).ToArray();
            if (three.Select(p => p.Cooperative).Distinct().Count() < 2) continue;
            n++;
            yield return string.Join(' ', three.Select(p => p.Id));
        }
    }

    public static void Log(string message) => Console.Error.WriteLine($"[bench] {DateTime.Now:HH:mm:ss} {message}");
}
