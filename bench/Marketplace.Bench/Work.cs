using System.Collections.Concurrent;
using System.Diagnostics;

namespace Marketplace.Bench;

/// <summary>
/// Loading through the public API: many clients in flight at once, progress every few seconds, and how long each kind
/// of request took (so that a slow load says which request is slow).
/// </summary>
internal sealed class Work
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> latencies = new();

    /// <summary>Runs <paramref name="body"/> for every item, <paramref name="parallel"/> at a time; answers the seconds it took.</summary>
    public async Task<double> ForEachAsync<T>(string what, IEnumerable<T> items, int total, int parallel, Func<T, Task> body)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ =>
        {
            var n = Volatile.Read(ref done);
            Seed.Log($"  {what}: {n:#,0} of {total:#,0} in {clock.Elapsed.TotalSeconds:0} s ({n / clock.Elapsed.TotalSeconds:#,0.0}/s)");
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) =>
        {
            await body(item);
            Interlocked.Increment(ref done);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        Seed.Log($"{what}: {done:#,0} in {seconds:0.0} s ({done / Math.Max(seconds, 1e-3):#,0.0}/s, {parallel} in flight)");
        return seconds;
    }

    /// <summary>Times one request under its kind (e.g. "POST products").</summary>
    public async Task<T> Time<T>(string kind, Func<Task<T>> request)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await request();
        latencies.GetOrAdd(kind, _ => new ConcurrentQueue<double>()).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    /// <summary>Each kind of request: how many, mean, p50, p99 and max in ms (also logged).</summary>
    public Dictionary<string, object> Summary()
    {
        var summary = new Dictionary<string, object>();
        foreach (var (kind, queue) in latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var sorted = queue.ToArray();
            Array.Sort(sorted);
            double P(double q) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
            summary[kind] = new
            {
                count = sorted.Length, mean_ms = Math.Round(sorted.Average(), 2), p50_ms = Math.Round(P(0.5), 2),
                p99_ms = Math.Round(P(0.99), 2), max_ms = Math.Round(sorted[^1], 2),
            };
            Seed.Log($"  {kind}: {sorted.Length:#,0} requests, mean {sorted.Average():0.0} ms, p50 {P(0.5):0.0} ms, p99 {P(0.99):0.0} ms, max {sorted[^1]:0} ms");
        }
        return summary;
    }
}
