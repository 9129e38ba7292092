namespace Marketplace.BuildingBlocks;

/// <summary>
/// Requests that arrive while <c>workers</c> batches are being worked wait, then go together in the next batch, in the
/// order they came (a batch weighs at most <c>capacity</c>: each request 1, or what <c>weight</c> says; a request heavier
/// than that goes alone). While a worker is free, a request goes at once. For work on a few hot rows, where one
/// transaction per request would queue on their locks: one transaction serves a whole batch.
/// <para>
/// When a batch of several fails, each of its requests is worked again alone, so that only the request that cannot be
/// served gets the error. A request whose caller gave up before its batch began is left out.
/// </para>
/// </summary>
public sealed class Combiner<TRequest, TAnswer>(Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TAnswer>>> work, int capacity,
    Func<TRequest, int>? weight = null, int workers = 1)
{
    private readonly Queue<Waiting> queue = new();
    private int working;

    public Task<TAnswer> Send(TRequest request, CancellationToken ct)
    {
        var waiting = new Waiting(request, new(TaskCreationOptions.RunContinuationsAsynchronously), ct);
        lock (queue)
        {
            queue.Enqueue(waiting);
            if (working < workers) working++;
            else return waiting.Answer.Task.WaitAsync(ct);
        }
        _ = Task.Run(WorkAsync, CancellationToken.None);
        return waiting.Answer.Task.WaitAsync(ct);
    }

    private async Task WorkAsync()
    {
        while (Next() is { Count: > 0 } batch)
            await RunAsync(batch);
    }

    /// <summary>The next batch, by arrival; empty (and this worker stops) when nobody waits.</summary>
    private List<Waiting> Next()
    {
        lock (queue)
        {
            var batch = new List<Waiting>();
            var weighed = 0;
            while (queue.TryPeek(out var next))
            {
                var w = weight?.Invoke(next.Request) ?? 1;
                if (batch.Count > 0 && weighed + w > capacity) break;
                queue.Dequeue();
                if (next.Cancelled.IsCancellationRequested) { next.Answer.TrySetCanceled(next.Cancelled); continue; }
                batch.Add(next);
                weighed += w;
            }
            if (batch.Count == 0) working--;
            return batch;
        }
    }

    private async Task RunAsync(List<Waiting> batch)
    {
        try
        {
            var answers = await work(batch.ConvertAll(w => w.Request));
            for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(answers[i]);
            return;
        }
        catch (Exception e) when (batch.Count == 1)
        {
            batch[0].Answer.TrySetException(e);
            return;
        }
        catch (Exception)
        {
            // worked again one by one, below: only a request that fails alone gets its error
        }
        foreach (var waiting in batch)
        {
            try { waiting.Answer.TrySetResult((await work([waiting.Request]))[0]); }
            catch (Exception e) { waiting.Answer.TrySetException(e); }
        }
    }

    private sealed record Waiting(TRequest Request, TaskCompletionSource<TAnswer> Answer, CancellationToken Cancelled);
}
