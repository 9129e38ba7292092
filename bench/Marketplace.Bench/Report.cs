using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Bench;

/// <summary>
/// The table of a run: each figure and its ratio to the pgbench baseline of the same run (throughputs divided by the
/// baseline's transactions/s, latencies by the baseline's average latency, durations in thousands of TPC-B transactions
/// the machine did meanwhile), its target (issue 9) and whether it is met; the same as JSON with the commit and date.
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
        var rows = new List<Row>
        {
            new("pgbench TPC-B-like, 8 clients", tpcb, "tx/s", 1, "baseline", null),
            new("pgbench select-only, 8 clients", select, "tx/s", 1, "baseline", null),
            Duration($"data load ({o.Get("cooperatives", "500")} cooperatives, {o.Get("products", "100000")} products)",
                Num(Read("seed.json"), "seconds"), tpcb, "", null),
        };
        foreach (var (file, label) in new[] { ("checkout8.json", "checkout, 8 shoppers"), ("checkout32.json", "checkout, 32 shoppers") })
        {
            var run = Read(file);
            var rate = Num(run, "ok_rps");
            rows.Add(new($"{label}: orders/s", rate, "/s", rate / tpcb, ">= 0.5 x TPC-B", rate / tpcb >= 0.5));
            rows.AddRange(Latencies(label, run, tpcbLatency, "TPC-B"));
        }
        var first = Read("search-first.json");
        rows.Add(new("search, first pass over the 5,000 searches (every answer computed): requests/s", Num(first, "ok_rps"), "/s",
            Num(first, "ok_rps") / select, "", null));
        rows.AddRange(Latencies("search, first pass", first, selectLatency, "select-only"));
        foreach (var (file, label, share) in new[] { ("search.json", "search, 32 connections", 0.15), ("product.json", "product page, 32 connections", 0.3) })
        {
            var run = Read(file);
            var rate = Num(run, "ok_rps");
            rows.Add(new($"{label}: requests/s", rate, "/s", rate / select, $">= {share} x select-only", rate / select >= share));
            rows.AddRange(Latencies(label, run, selectLatency, "select-only", file == "search.json" ? 30 : null));
        }
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

    private static IEnumerable<Row> Latencies(string label, JsonNode? run, double baseline, string name, double? p99Limit = null)
    {
        double? P(string key) => run?[key]?.GetValue<double>();
        yield return new($"{label}: p50", P("p50_ms"), "ms", P("p50_ms") / baseline, $"x {name} latency", null);
        yield return new($"{label}: p99", P("p99_ms"), "ms", P("p99_ms") / baseline, p99Limit is { } l ? $"<= {l} ms" : $"x {name} latency",
            p99Limit is { } limit && P("p99_ms") is { } p99 ? p99 <= limit : null);
        yield return new($"{label}: errors", run?["errors"]?.GetValue<double>(), "", null, "0", run is null ? null : run["errors"]!.GetValue<double>() == 0);
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
