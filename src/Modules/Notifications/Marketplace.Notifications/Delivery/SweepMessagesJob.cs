using Hangfire;
using Marten;
using Microsoft.Extensions.Options;

namespace Marketplace.Notifications.Delivery;

/// <summary>
/// Recurring ("notifications.sweep"): hands to a sender again every message whose job was lost (its Host stopped between
/// recording and enqueuing, or while sending). Public for Hangfire.
/// </summary>
public sealed class SweepMessagesJob
{
    public const string Id = "notifications.sweep";
    private readonly INotificationsStore store;
    private readonly IBackgroundJobClient jobs;
    private readonly TimeProvider clock;
    private readonly NotificationsOptions options;

    internal SweepMessagesJob(INotificationsStore store, IBackgroundJobClient jobs, TimeProvider clock, IOptions<NotificationsOptions> options)
    {
        this.store = store;
        this.jobs = jobs;
        this.clock = clock;
        this.options = options.Value;
    }

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = now - options.ClaimTimeout; // a pending message this late, or a claim this old, has no job any more
        await using var session = store.QuerySession();
        var lost = await session.Query<OutgoingMessage>()
            .Where(m => (m.State == OutgoingMessage.Pending && m.NextAttemptAt < overdue)
                || (m.State == OutgoingMessage.Sending && m.ClaimedAt < overdue))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(500).ToListAsync(ct);
        foreach (var id in lost) jobs.Enqueue<SendMessageJob>(job => job.RunAsync(id, CancellationToken.None));
        return lost.Count;
    }
}
