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
/// The data of the HTTP benchmarks: verified cooperatives (500) and their published products (100,000) through the
/// modules' bulk routes, shoppers (32) through the API; then the inputs of the wrk scripts in the run's folder.
/// </summary>
internal static class Seed
{
    public static async Task RunAsync(Options o)
    {
        var (cooperativeCount, productCount, shopperCount) = (o.Int("cooperatives", 500), o.Int("products", 100_000), o.Int("shoppers", 32));
        Directory.CreateDirectory(o.Dir);
        var clock = Stopwatch.StartNew();
        using var api = new Api(o.Url);
        var owner = await api.EnsureUserAsync("owner@bench.souss-massa.ma", Catalogue.Password, "Bench cooperatives owner");
        api.SignIn(await api.LoginAsync(o.AdminEmail, o.AdminPassword));

        var cooperatives = await RegisterCooperativesAsync(api, owner.Id, 0, cooperativeCount);
        Log($"{cooperatives.Count} cooperatives in {clock.Elapsed.TotalSeconds:0.0} s");

        var perCooperative = productCount / cooperativeCount;
        var products = Enumerable.Range(0, cooperativeCount).Select(_ => new Guid[perCooperative]).ToArray();
        var wanted = Enumerable.Range(0, cooperativeCount).SelectMany(i =>
        {
            var random = new Random(i);
            return Enumerable.Range(0, perCooperative).Select(j => (i, j, Catalogue.Product(i, j, random, 100_000).Body));
        });
        // The Host takes JSON bodies of 256 KB at most: 200 products a request.
        await Parallel.ForEachAsync(wanted.Chunk(200), new ParallelOptions { MaxDegreeOfParallelism = o.Int("parallel", 2) }, async (chunk, _) =>
        {
            var ids = await api.PostIdsAsync("/api/admin/bench/products",
                new { products = chunk.Select(x => new { cooperativeId = cooperatives[x.i], product = x.Body }) });
            foreach (var (x, id) in chunk.Zip(ids)) products[x.i][x.j] = id;
        });
        Log($"{products.Sum(p => p.Length)} products in {clock.Elapsed.TotalSeconds:0.0} s");

        var shoppers = new List<(Guid Id, string Token)>();
        for (var s = 0; s < shopperCount; s++)
            shoppers.Add(await api.EnsureUserAsync($"shopper{s + 1}@bench.souss-massa.ma", Catalogue.Password, $"Bench shopper {s + 1}"));
        var seconds = clock.Elapsed.TotalSeconds;
        Log($"{shoppers.Count} shoppers; data loaded in {seconds:0.0} s");

        WriteInputs(o.Dir, products, shoppers.Select(s => s.Token).ToList());
        File.WriteAllText(SeedState.File(o.Dir), JsonSerializer.Serialize(new SeedState(owner.Id, cooperatives,
            products.Select(p => p[0]).ToList(), shoppers.Select(s => s.Id).ToList(), seconds), Api.Json));
    }

    public static async Task<List<Guid>> RegisterCooperativesAsync(Api api, Guid ownerId, int from, int count)
    {
        var ids = new List<Guid>();
        foreach (var chunk in Enumerable.Range(from, count).Chunk(250))
            ids.AddRange(await api.PostIdsAsync("/api/admin/bench/cooperatives", new { ownerId, cooperatives = chunk.Select(Catalogue.Cooperative) }));
        return ids;
    }

    /// <summary>tokens.txt (a shopper's token a line), carts.txt (three products of two cooperatives a line), product-paths.txt and search-paths.txt (paths to GET).</summary>
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
        Searches.Write(dir, random);
    }

    public static void Log(string message) => Console.Error.WriteLine($"[bench] {message}");
}
