using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Bench;

/// <summary>
/// The table of a run: each figure and its ratio to the pgbench baseline of the same run (throughputs divided by the
/// baseline's transactions/s, latencies by the baseline's average latency, durations in thousands of TPC-B transactions
/// the machine did meanwhile), its target (issues 9 and 22) and whether it is met; the same as JSON with the commit and date.
/// Search's headline is first-time searches (each asked once); the answers kept for repeated searches are a row apart.
/// Checkout "sustained" counts the orders acknowledged over the run and the time the background work took to catch up.
/// </summary>
internal static class Report
{
    private sealed record Row(string Name, double? Value, string Unit, double? Ratio, string Target, bool? Met);

    public static void Run(Options o)
    {
        var dir = o.Dir;
        JsonNode? Read(string name) => File.Exists(Path.Combine(dir, name)) ? JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name))) : null;
        double? Num(JsonNode? node, string key) => node?[key]?.GetValue<double>();
        var pg = Read("pgbench.json");
        double tpcb = Num(pg, "tpcb_tps") ?? double.NaN, select = Num(pg, "select_tps") ?? double.NaN;
        double tpcbLatency = Num(pg, "tpcb_latency_ms") ?? double.NaN, selectLatency = Num(pg, "select_latency_ms") ?? double.NaN;
        var host = Read("host.json");
        var load = Read("load.json");
        var rows = new List<Row>
        {
            new("pgbench TPC-B-like, 8 clients", tpcb, "tx/s", 1, "baseline", null),
            new("pgbench select-only, 8 clients", select, "tx/s", 1, "baseline", null),
            Duration($"data load through the public API ({o.Get("cooperatives", "500")} cooperatives, {o.Get("products", "100000")} products)",
                Num(load, "seconds"), tpcb, "", null),
            new("data load: products listed and published per second", Num(load, "products_per_s"), "/s", Num(load, "products_per_s") / tpcb, "x TPC-B", null),
            Duration("data load: background work caught up after it", Num(Read("load-drain.json"), "seconds"), tpcb, "", null),
        };
        Throughput(rows, "product page, 32 connections", Read("product.json"), select, selectLatency, "select-only", 0.3, null);
        Throughput(rows, "search, first-time searches (all different), 32 connections", Read("search-first.json"), select, selectLatency,
            "select-only", 0.05, 30);
        Throughput(rows, "search, answers kept (5,000 searches asked again), 32 connections", Read("search.json"), select, selectLatency,
            "select-only", null, null);
        var spread8 = Read("checkout8.json");
        Throughput(rows, "checkout over the catalogue, 8 shoppers", spread8, tpcb, tpcbLatency, "TPC-B", null, null, "orders");
        var drain = Num(Read("checkout8-drain.json"), "seconds");
        var sustained = Num(spread8, "ok_rps") * Num(spread8, "seconds") / (Num(spread8, "seconds") + drain);
        rows.Add(new("checkout over the catalogue, 8 shoppers, sustained (orders / (run + drain))", sustained, "/s", sustained / tpcb,
            ">= 0.1 x TPC-B", sustained is { } v ? v / tpcb >= 0.1 : null));
        rows.Add(Duration("checkout, 8 shoppers: drain (run's end to background work caught up)", drain, tpcb, "", null));
        // CPU per order, its background work included (from /proc: the Host's, PostgreSQL's): what bounds a sustained rate on 2 cores
        foreach (var (file, label) in new[] { ("checkout8", "checkout, 8 shoppers"), ("popular32", "checkout on 10 popular products, 32 shoppers") })
        {
            var (run, cpu) = (Read($"{file}.json"), Read($"{file}-drain.json"));
            var orders = Num(run, "ok_rps") * Num(run, "seconds");
            rows.Add(new($"{label}: Host CPU per order, background work included", Num(cpu, "host_cpu_s") * 1000 / orders, "ms", null, "", null));
            rows.Add(new($"{label}: PostgreSQL CPU per order, background work included", Num(cpu, "pg_cpu_s") * 1000 / orders, "ms", null, "", null));
        }
        Throughput(rows, "checkout over the catalogue, 32 shoppers", Read("checkout32.json"), tpcb, tpcbLatency, "TPC-B", null, null, "orders");
        Throughput(rows, "checkout on 10 popular products, 8 shoppers", Read("popular8.json"), tpcb, tpcbLatency, "TPC-B", null, null, "orders");
        Throughput(rows, "checkout on 10 popular products, 32 shoppers", Read("popular32.json"), tpcb, tpcbLatency, "TPC-B", null, 250, "orders");
        var payout = Read("payout-run.json");
        rows.Add(Duration($"payout run ({Num(payout, "payouts")?.ToString(CultureInfo.InvariantCulture) ?? "no"} payouts)", Num(payout, "seconds"), tpcb, "<= 60 s", 60));
        rows.Add(Duration("Host start to ready (loaded database)", Num(host, "start_s"), tpcb, "<= 15 s", 15));
        rows.Add(new("Host resident memory, idle", Num(host, "rss_idle_mb"), "MB", null, "<= 400 MB", Num(host, "rss_idle_mb") is { } idle ? idle <= 400 : null));
        rows.Add(new("Host resident memory, under load (peak)", Num(host, "rss_load_mb"), "MB", null, "", null));

        var machine = Read("machine.json");
        Console.WriteLine(Table(rows, o, machine));
        var json = new JsonObject
        {
            ["date"] = o.Get("date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["commit"] = o.Get("commit", "unknown"),
            ["machine"] = machine?.DeepClone(),
            ["figures"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name, ["value"] = Round(r.Value), ["unit"] = r.Unit, ["ratio"] = Round(r.Ratio, 3), ["target"] = r.Target, ["met"] = r.Met,
            }).ToArray()),
            ["raw"] = new JsonObject(Directory.GetFiles(dir, "*.json").Where(f => Path.GetFileName(f) is not ("seed.json" or "results.json" or "openapi.json"))
                .Select(f => KeyValuePair.Create(Path.GetFileNameWithoutExtension(f), JsonNode.Parse(File.ReadAllText(f))))),
        };
        var output = o.Get("out", Path.Combine(dir, "results.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>A run's rate (ok answers a second) with its ratio and share target, then its p50, p90, p99 (limit) and errors.</summary>
    private static void Throughput(List<Row> rows, string label, JsonNode? run, double baseline, double baselineLatency, string name,
        double? share, double? p99Limit, string what = "requests")
    {
        var rate = run?["ok_rps"]?.GetValue<double>();
        rows.Add(new($"{label}: {what}/s", rate, "/s", rate / baseline, share is { } s ? $">= {s} x {name}" : $"x {name}",
            share is { } least && rate is { } r ? r / baseline >= least : null));
        double? P(string key) => run?[key]?.GetValue<double>();
        rows.Add(new($"{label}: p50", P("p50_ms"), "ms", P("p50_ms") / baselineLatency, $"x {name} latency", null));
        rows.Add(new($"{label}: p90", P("p90_ms"), "ms", P("p90_ms") / baselineLatency, $"x {name} latency", null));
        rows.Add(new($"{label}: p99", P("p99_ms"), "ms", P("p99_ms") / baselineLatency, p99Limit is { } l ? $"<= {l} ms" : $"x {name} latency",
            p99Limit is { } limit && P("p99_ms") is { } p99 ? p99 <= limit : null));
        var errors = P("errors");
        rows.Add(new($"{label}: errors", errors, "", null, "0", errors is { } e ? e == 0 : null));
    }

    private static Row Duration(string name, double? seconds, double tpcb, string target, double? limit) =>
        new(name, seconds, "s", seconds * tpcb / 1000, target, limit is { } l && seconds is { } s ? s <= l : null);

    private static double? Round(double? value, int digits = 2) =>
        value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;

    private static string Table(List<Row> rows, Options o, JsonNode? machine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Benchmark of {o.Get("commit", "?")} on {o.Get("date", "?")}; machine: {machine?.ToJsonString() ?? "?"}");
        text.AppendLine("| figure | value | ratio to baseline | target | met |");
        text.AppendLine("|---|---:|---:|---|---|");
        foreach (var r in rows)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {Show(r.Value)} {r.Unit} | {Show(r.Ratio, "0.000")} | {r.Target} | {(r.Met is null ? "" : r.Met.Value ? "yes" : "**no**")} |");
        return text.ToString();
    }

    private static string Show(double? value, string format = "#,0.##") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
