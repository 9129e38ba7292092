using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>One payout run (POST /api/admin/payout-runs, period ending today), timed from request to answer.</summary>
internal static class PayoutRun
{
    public static async Task RunAsync(Options o)
    {
        using var api = new Api(o.Url);
        var admin = await api.LoginAsync(o.AdminEmail, o.AdminPassword);
        var periodEnd = DateTime.UtcNow.ToString("yyyy-MM-dd"); // never after today in Casablanca (UTC+0 or +1)
        var clock = Stopwatch.StartNew();
        var answer = await api.PostAsync("/api/admin/payout-runs", new { periodEnd }, admin);
        var seconds = clock.Elapsed.TotalSeconds;
        var payouts = answer["payouts"]?.AsArray().Count ?? 0;
        var skipped = answer["skipped"]?.AsArray().Count ?? 0;
        Seed.Log($"payout run: {payouts} payouts, {skipped} skipped, in {seconds:0.00} s");
        File.WriteAllText(Path.Combine(o.Dir, "payout-run.json"), JsonSerializer.Serialize(new { seconds, payouts, skipped }, Api.Json));
    }
}
