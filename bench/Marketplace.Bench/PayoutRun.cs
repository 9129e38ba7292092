using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>One payout run (POST /api/admin/payout-runs, period ending today), timed from request to answer.</summary>
internal static class PayoutRun
{
    public static async Task RunAsync(Options o)
    {
        using var api = new Api(o.Url);
        var admin = await api.LoginAsync(o.AdminEmail, o.AdminPassword);
        // Today in Casablanca, where the platform's days end: the UTC date is yesterday there from 23:00 UTC, and a run for
        // yesterday leaves out the sales delivered since (a run at 23:13 UTC paid nothing).
        var casablanca = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");
        var periodEnd = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, casablanca).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var answer = await api.PostAsync("/api/admin/payout-runs", new { periodEnd }, admin);
        var seconds = clock.Elapsed.TotalSeconds;
        var payouts = answer["payouts"]?.AsArray().Count ?? 0;
        var skipped = answer["skipped"]?.AsArray().Count ?? 0;
        Seed.Log($"payout run: {payouts} payouts, {skipped} skipped, in {seconds:0.00} s");
        File.WriteAllText(Path.Combine(o.Dir, "payout-run.json"), JsonSerializer.Serialize(new { seconds, payouts, skipped }, Api.Json));
    }
}
