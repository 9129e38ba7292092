namespace Marketplace.Testing;

/// <summary>Waits for what happens after commit (outbox, daemon, jobs): asks again until it holds or time runs out.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s for {what ?? "a condition"}; last value: {value}");
            await Task.Delay(100);
        }
    }
}
