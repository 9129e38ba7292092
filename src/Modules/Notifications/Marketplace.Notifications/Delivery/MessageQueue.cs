using Hangfire;
using Marketplace.BuildingBlocks;

namespace Marketplace.Notifications.Delivery;

/// <summary>
/// Records the messages an event causes, once per event (its id; or per alert: what it is about), then hands them to one Hangfire job. Runs in the
/// Notifications receiver of the event (after the change was committed by its module, never inside a request); a
/// job lost between the two is found again by <see cref="SweepMessagesJob"/>.
/// </summary>
internal sealed class MessageQueue(INotificationsStore store, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task QueueAsync(string source, IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0) return;
        var now = clock.GetUtcNow();
        var distinct = messages.DistinctBy(m => m.Id).ToList();
        var queued = await store.ProcessOnceAsync($"notify:{source}", clock, session =>
        {
            foreach (var m in distinct)
            {
                m.CreatedAt = now;
                m.NextAttemptAt = now;
                session.Insert(m);
            }
            return Task.CompletedTask;
        }, ct);
        if (!queued) return;
        var ids = distinct.Select(m => m.Id).ToArray();
        jobs.Enqueue<SendMessageJob>(job => job.RunAllAsync(ids, CancellationToken.None)); // one job for the event's messages
    }
}
