namespace Marketplace.Testing;

/// <summary>The real time plus an offset that a test may move forward (and must move back).</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock by <paramref name="by"/> until the returned handle is disposed.</summary>
    public IDisposable Advance(TimeSpan by)
    {
        Interlocked.Add(ref offsetTicks, by.Ticks);
        return new Undo(() => Interlocked.Add(ref offsetTicks, -by.Ticks));
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
