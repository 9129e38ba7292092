using System.Collections.Concurrent;

namespace Marketplace.BuildingBlocks;

/// <summary>Wakes an outbox's retries in this process (a page queued deliveries, an administrator replayed one).</summary>
public sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> signals = new();

    public void Wake(string outbox)
    {
        var signal = Of(outbox);
        lock (signal) { if (signal.CurrentCount == 0) signal.Release(); }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/>.</summary>
    public Task WaitAsync(string outbox, TimeSpan timeout, CancellationToken ct) => Of(outbox).WaitAsync(timeout, ct);

    private SemaphoreSlim Of(string outbox) => signals.GetOrAdd(outbox, _ => new SemaphoreSlim(0, 1));
}
