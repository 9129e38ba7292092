namespace Marketplace.BuildingBlocks.Tests.Unit;

public sealed class CombinerTests
{
    /// <summary>A piece of work whose batches are held until released, and recorded.</summary>
    private sealed class HeldWork
    {
        public List<IReadOnlyList<int>> Batches { get; } = [];
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public SemaphoreSlim Started { get; } = new(0);
        public Func<int, bool> Fails { get; init; } = _ => false;

        public async Task<IReadOnlyList<string>> Run(IReadOnlyList<int> batch)
        {
            lock (Batches) Batches.Add(batch);
            FirstStarted.TrySetResult();
            Started.Release();
            await Release.Task;
            if (batch.Any(Fails)) throw new InvalidOperationException($"cannot serve {string.Join(',', batch.Where(Fails))}");
            return batch.Select(i => $"answer {i}").ToList();
        }
    }

    [Fact]
    public async Task A_request_alone_is_worked_at_once_and_those_arriving_meanwhile_go_together_in_arrival_order()
    {
        var work = new HeldWork();
        var combiner = new Combiner<int, string>(work.Run, capacity: 10);
        var first = combiner.Send(1, CancellationToken.None);
        await work.FirstStarted.Task;
        var waiting = Enumerable.Range(2, 5).Select(i => combiner.Send(i, CancellationToken.None)).ToList();
        work.Release.SetResult();

        (await first).Should().Be("answer 1");
        (await Task.WhenAll(waiting)).Should().Equal("answer 2", "answer 3", "answer 4", "answer 5", "answer 6");
        work.Batches.Should().HaveCount(2);
        work.Batches[0].Should().Equal(1);
        work.Batches[1].Should().Equal(2, 3, 4, 5, 6);
    }

    [Fact]
    public async Task With_two_workers_two_requests_are_worked_at_once_and_those_arriving_meanwhile_wait_together()
    {
        var work = new HeldWork();
        var combiner = new Combiner<int, string>(work.Run, capacity: 10, workers: 2);
        var first = combiner.Send(1, CancellationToken.None);
        (await work.Started.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        var second = combiner.Send(2, CancellationToken.None);
        (await work.Started.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the second request did not wait for the first");
        var waiting = Enumerable.Range(3, 3).Select(i => combiner.Send(i, CancellationToken.None)).ToList();
        work.Release.SetResult();

        (await Task.WhenAll(waiting.Prepend(second).Prepend(first))).Should().Equal("answer 1", "answer 2", "answer 3", "answer 4", "answer 5");
        work.Batches.Should().HaveCount(3);
        work.Batches.Take(2).SelectMany(b => b).Should().BeEquivalentTo([1, 2]);
        work.Batches[2].Should().Equal(3, 4, 5);
    }

    [Fact]
    public async Task A_batch_weighs_at_most_the_capacity_and_a_request_heavier_than_it_goes_alone()
    {
        var work = new HeldWork();
        var combiner = new Combiner<int, string>(work.Run, capacity: 10, weight: i => i);
        var first = combiner.Send(1, CancellationToken.None);
        await work.FirstStarted.Task;
        var waiting = new[] { 4, 5, 3, 30, 2 }.Select(i => combiner.Send(i, CancellationToken.None)).ToList();
        work.Release.SetResult();

        await Task.WhenAll(waiting.Append(first));
        work.Batches.Select(b => b.ToArray()).Should().BeEquivalentTo(new[] { new[] { 1 }, [4, 5], [3], [30], [2] },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task When_a_batch_fails_each_request_is_worked_alone_and_only_the_one_that_fails_alone_gets_the_error()
    {
        var work = new HeldWork { Fails = i => i == 4 };
        var combiner = new Combiner<int, string>(work.Run, capacity: 10);
        var first = combiner.Send(1, CancellationToken.None);
        await work.FirstStarted.Task;
        var waiting = Enumerable.Range(2, 4).ToDictionary(i => i, i => combiner.Send(i, CancellationToken.None));
        work.Release.SetResult();

        (await first).Should().Be("answer 1");
        (await waiting[2]).Should().Be("answer 2");
        (await waiting[3]).Should().Be("answer 3");
        (await waiting[5]).Should().Be("answer 5");
        (await waiting[4].Invoking(t => t).Should().ThrowAsync<InvalidOperationException>()).WithMessage("cannot serve 4");
        work.Batches.Select(b => b.ToArray()).Should().BeEquivalentTo(new[] { new[] { 1 }, [2, 3, 4, 5], [2], [3], [4], [5] },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_request_whose_caller_gave_up_before_its_batch_is_left_out_and_the_combiner_serves_the_next_ones()
    {
        var work = new HeldWork();
        var combiner = new Combiner<int, string>(work.Run, capacity: 10);
        var first = combiner.Send(1, CancellationToken.None);
        await work.FirstStarted.Task;
        using var giveUp = new CancellationTokenSource();
        var abandoned = combiner.Send(2, giveUp.Token);
        var kept = combiner.Send(3, CancellationToken.None);
        await giveUp.CancelAsync();
        work.Release.SetResult();

        await abandoned.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await kept).Should().Be("answer 3");
        (await first).Should().Be("answer 1");
        work.Batches.Select(b => b.ToArray()).Should().BeEquivalentTo(new[] { new[] { 1 }, [3] }, o => o.WithStrictOrdering());
        (await combiner.Send(4, CancellationToken.None)).Should().Be("answer 4", "the worker starts again for a request after a pause");
    }
}
