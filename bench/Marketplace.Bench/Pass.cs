using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>
/// One pass over a file of paths, each asked at most once, in order, by --connections concurrent clients, until the list
/// ends or --seconds have passed (0: the whole list). wrk asks a list round and round; a pass never asks a path twice, so
/// the searches of search-unique-paths.txt are all first-time ones. Requests/s and latencies as wrk's script writes them,
/// to $dir/&lt;name&gt;.json (exhausted: the list ended before the time).
/// </summary>
internal static class Pass
{
    public static async Task RunAsync(Options o)
    {
        var paths = File.ReadAllLines(o.Get("paths", Path.Combine(o.Dir, "search-paths.txt"))).Where(p => p.Length > 0).ToArray();
        var connections = o.Int("connections", 32);
        var limit = o.Int("seconds", 0) is > 0 and var s ? TimeSpan.FromSeconds(s) : Timeout.InfiniteTimeSpan;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
            { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new double[paths.Length];
        var statuses = new int[paths.Length];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < paths.Length; i = Interlocked.Increment(ref next))
            {
                if (limit != Timeout.InfiniteTimeSpan && clock.Elapsed >= limit) break;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var answer = await http.GetAsync(paths[i], HttpCompletionOption.ResponseContentRead);
                    statuses[i] = (int)answer.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { statuses[i] = 0; }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                statuses[i] = statuses[i] == 0 ? -1 : statuses[i]; // -1: asked, no answer
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var asked = Enumerable.Range(0, paths.Length).Where(i => statuses[i] != 0).ToArray();
        var times = asked.Select(i => latencies[i]).Order().ToArray();
        if (times.Length == 0) throw new InvalidOperationException("No request was made.");
        double P(double q) => times[Math.Min(times.Length - 1, Math.Max(0, (int)Math.Ceiling(q * times.Length) - 1))];
        var ok = asked.Count(i => statuses[i] is >= 200 and < 300);
        var figures = new
        {
            requests = times.Length, distinct_paths = asked.Select(i => paths[i]).Distinct().Count(), seconds, rps = times.Length / seconds,
            ok_rps = ok / seconds, errors = times.Length - ok, p50_ms = P(0.5), p90_ms = P(0.9), p99_ms = P(0.99), max_ms = times[^1],
            exhausted = times.Length == paths.Length && limit != Timeout.InfiniteTimeSpan,
            statuses = asked.GroupBy(i => statuses[i]).ToDictionary(g => g.Key < 0 ? "none" : ((HttpStatusCode)g.Key).ToString("D"), g => g.Count()),
        };
        var json = JsonSerializer.Serialize(figures, Api.Json);
        File.WriteAllText(Path.Combine(o.Dir, $"{o.Get("name", "pass")}.json"), json);
        Seed.Log($"{o.Get("name", "pass")}: {json}");
    }
}
