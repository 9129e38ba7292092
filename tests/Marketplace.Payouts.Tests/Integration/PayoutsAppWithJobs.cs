using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>The platform with Hangfire's server on: Stripe transfers are made by background jobs, retried as in production.</summary>
public sealed class PayoutsAppWithJobs : PayoutsApp
{
    protected override bool RunsJobs => true;

    /// <summary>Jobs run on Hangfire's worker threads, which a machine busy with other test runs may starve for a while.</summary>
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The payout as administrators list it, once <paramref name="done"/> holds (the job that pays it runs apart).</summary>
    public async Task<JsonNode> PayoutWhenAsync(HttpClient admin, Guid payoutId, Func<JsonNode, bool> done, string what) =>
        await Poll.UntilAsync(async () => (await (await admin.GetAsync("/api/admin/payouts?pageSize=100")).Json())["items"]!.AsArray()
            .Single(p => p!["id"]!.GetValue<Guid>() == payoutId)!, done, JobTimeout, what);

    /// <summary>
    /// Waits until Hangfire has scheduled a retry of the job paying <paramref name="payoutId"/> (after a failure), then runs
    /// it now, as when its delay is over. Answers how many times Hangfire has retried it.
    /// </summary>
    public async Task<int> RetryNowAsync(Guid payoutId)
    {
        var storage = Services.GetRequiredService<JobStorage>();
        var jobId = (await Poll.UntilAsync(() => Task.FromResult(storage.GetMonitoringApi().ScheduledJobs(0, 500)
                .Where(j => j.Value.Job?.Args.FirstOrDefault() is Guid id && id == payoutId).Select(j => j.Key).ToList()),
            ids => ids.Count > 0, JobTimeout, $"a retry of the transfer of payout {payoutId}"))[0];
        using var connection = storage.GetConnection();
        var retries = int.Parse(connection.GetJobParameter(jobId, "RetryCount") ?? "0");
        Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId);
        return retries;
    }
}

[CollectionDefinition(Name)]
public sealed class PayoutsWithJobsCollection : ICollectionFixture<PayoutsAppWithJobs>
{
    public const string Name = "payouts-with-jobs";
}
