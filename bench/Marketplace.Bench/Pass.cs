using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>
/// One pass over a file of paths, each asked once, by --connections concurrent clients (wrk runs for a time, not over a
/// list): requests/s and latencies as wrk's script writes them, to $dir/&lt;name&gt;.json.
/// </summary>
internal static class Pass
{
    public static async Task RunAsync(Options o)
    {
        var paths = File.ReadAllLines(o.Get("paths", Path.Combine(o.Dir, "search-paths.txt"))).Where(p => p.Length > 0).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 })
            { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new double[paths.Length];
        var statuses = new int[paths.Length];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, o.Int("connections", 32)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < paths.Length; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var answer = await http.GetAsync(paths[i], HttpCompletionOption.ResponseContentRead);
                    statuses[i] = (int)answer.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { statuses[i] = 0; }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        var ok = statuses.Count(s => s is >= 200 and < 300);
        var figures = new
        {
            requests = paths.Length, seconds, rps = paths.Length / seconds, ok_rps = ok / seconds, errors = paths.Length - ok,
            p50_ms = P(0.5), p90_ms = P(0.9), p99_ms = P(0.99), max_ms = latencies[^1],
            statuses = statuses.GroupBy(s => s).ToDictionary(g => g.Key == 0 ? "none" : ((HttpStatusCode)g.Key).ToString("D"), g => g.Count()),
        };
        var json = JsonSerializer.Serialize(figures, Api.Json);
        File.WriteAllText(Path.Combine(o.Dir, $"{o.Get("name", "pass")}.json"), json);
        Seed.Log($"{o.Get("name", "pass")}: {json}");
    }
}
