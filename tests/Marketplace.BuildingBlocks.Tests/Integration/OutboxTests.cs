using Marten;

namespace Marketplace.BuildingBlocks.Tests.Integration;

/// <summary>ARCHITECTURE.md rule 4: integration events leave a module after commit, at least once, and are applied once.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private OutboxHost outbox = null!;
    public async Task InitializeAsync() => outbox = await OutboxHost.StartAsync();
    public async Task DisposeAsync() => await outbox.DisposeAsync();

    [Fact]
    public async Task Given_a_committed_event_Then_the_receiver_gets_it_after_the_commit()
    {
        await outbox.Daemon.StartAllAsync();
        var thing = Guid.NewGuid();
        var eventId = await outbox.AppendAsync(thing, new ThingHappened(thing, 7));

        var receipts = await Poll.UntilAsync(() => outbox.ReceiptsAsync(thing), r => r.Count == 1, what: "the receipt");

        receipts.Single().Should().BeEquivalentTo(new { Id = eventId, ThingId = thing, Number = 7, SourceWasCommitted = true });
    }

    [Fact]
    public async Task Given_a_change_that_was_rolled_back_or_never_saved_Then_nothing_is_published()
    {
        await outbox.Daemon.StartAllAsync();
        var thing = Guid.NewGuid();
        await outbox.AppendAsync(thing, new ThingHappened(thing, 1));
        await using (var stale = outbox.Sender.LightweightSession())
        {
            stale.Events.Append(thing, 1, new ThingHappened(thing, 2)); // expects version 1 after the append: the stream is at 1 already
            var save = () => stale.SaveChangesAsync();
            await save.Should().ThrowAsync<JasperFx.ConcurrencyException>();
        }
        await using (var unsaved = outbox.Sender.LightweightSession())
            unsaved.Events.Append(thing, new ThingHappened(thing, 3));
        var marker = Guid.NewGuid();
        await outbox.AppendAsync(marker, new ThingHappened(marker, 99)); // committed after the others

        await Poll.UntilAsync(() => outbox.ReceiptsAsync(marker), r => r.Count == 1, what: "the marker's receipt");

        (await outbox.ReceiptsAsync(thing)).Select(r => r.Number).Should().Equal(1);
    }

    [Fact]
    public async Task Given_events_committed_while_the_daemon_is_stopped_When_it_starts_Then_they_are_delivered_in_order()
    {
        var thing = Guid.NewGuid();
        for (var n = 1; n <= 3; n++) await outbox.AppendAsync(thing, new ThingHappened(thing, n));
        await Task.Delay(1000);
        (await outbox.ReceiptsAsync(thing)).Should().BeEmpty("no daemon runs yet");

        await outbox.Daemon.StartAllAsync();

        var receipts = await Poll.UntilAsync(() => outbox.ReceiptsAsync(thing), r => r.Count == 3, what: "three receipts");
        receipts.Should().OnlyContain(r => r.SourceWasCommitted);
    }

    [Fact]
    public async Task Given_events_delivered_When_the_outbox_delivers_them_again_Then_the_receiver_applies_each_once()
    {
        await outbox.Daemon.StartAllAsync();
        var thing = Guid.NewGuid();
        var first = await outbox.AppendAsync(thing, new ThingHappened(thing, 1));
        await outbox.AppendAsync(thing, new ThingHappened(thing, 2));
        await Poll.UntilAsync(() => outbox.ReceiptsAsync(thing), r => r.Count == 2, what: "two receipts");

        await outbox.Daemon.RewindSubscriptionAsync("sender-outbox", CancellationToken.None, sequenceFloor: 0, timestamp: null);
        await Poll.UntilAsync(() => Task.FromResult(WhenThingHappened.Deliveries.GetValueOrDefault(first)), n => n >= 2, what: "a redelivery");

        (await outbox.ReceiptsAsync(thing)).Select(r => r.Number).Should().BeEquivalentTo([1, 2]);
    }

    [Fact]
    public async Task Given_the_same_message_delivered_concurrently_Then_it_is_applied_once()
    {
        var thing = Guid.NewGuid();
        var message = new ThingHappenedIntegrationEvent(Guid.NewGuid(), thing, 5);
        var handler = new WhenThingHappened(outbox.Receiver, outbox.Sender, TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => handler.Handle(message, CancellationToken.None))));

        (await outbox.ReceiptsAsync(thing)).Should().ContainSingle();
    }

    [Fact]
    public async Task Given_a_receiver_that_fails_twice_Then_it_is_retried_with_backoff_and_takes_the_event_once()
    {
        await outbox.Daemon.StartAllAsync();
        var thing = Guid.NewGuid();
        WhenThingHappened.FailuresLeft[thing] = 2;
        var eventId = await outbox.AppendAsync(thing, new ThingHappened(thing, 1));

        var receipts = await Poll.UntilAsync(() => outbox.ReceiptsAsync(thing), r => r.Count == 1, what: "the receipt after two failures");

        receipts.Single().Id.Should().Be(eventId);
        WhenThingHappened.Deliveries[eventId].Should().Be(3, "two failed attempts, then the one that took it");
        (await Poll.UntilAsync(() => outbox.UndeliveredAsync(thing), u => u.Count == 0, what: "the delivery cleared")).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_receiver_that_keeps_failing_Then_the_event_is_parked_the_later_events_of_its_stream_wait_and_other_streams_flow()
    {
        await outbox.Daemon.StartAllAsync();
        var poisoned = Guid.NewGuid();
        WhenThingHappened.FailuresLeft[poisoned] = int.MaxValue;
        await outbox.AppendAsync(poisoned, new ThingHappened(poisoned, 1));
        await outbox.AppendAsync(poisoned, new ThingHappened(poisoned, 2));
        var other = Guid.NewGuid();
        await outbox.AppendAsync(other, new ThingHappened(other, 1));

        await Poll.UntilAsync(() => outbox.ReceiptsAsync(other), r => r.Count == 1, what: "the event of another stream");
        var undelivered = await Poll.UntilAsync(() => outbox.UndeliveredAsync(poisoned), u => u.Count == 2 && u[0].State == "parked",
            what: "the first event parked");

        undelivered[0].Attempts.Should().Be(3);
        undelivered[0].Error.Should().Contain("the receiver fails");
        undelivered[0].Receiver.Should().Be("buildingblocks.tests");
        undelivered[1].State.Should().Be("waiting", "the second event of the stream waits behind the first");
        undelivered[1].Attempts.Should().Be(0, "it is never tried before the first is taken");
        WhenThingHappened.Deliveries.Where(d => undelivered[1].Id.Contains($"{d.Key:N}")).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_parked_event_When_it_is_replayed_after_the_fix_Then_it_and_the_events_behind_it_are_taken_once_in_order()
    {
        await outbox.Daemon.StartAllAsync();
        var thing = Guid.NewGuid();
        WhenThingHappened.FailuresLeft[thing] = int.MaxValue;
        for (var n = 1; n <= 3; n++) await outbox.AppendAsync(thing, new ThingHappened(thing, n));
        var parked = (await Poll.UntilAsync(() => outbox.UndeliveredAsync(thing), u => u.Count == 3 && u[0].State == "parked",
            what: "the first event parked"))[0];

        WhenThingHappened.FailuresLeft[thing] = 0; // the fix
        await Task.WhenAll(outbox.Administration.ReplayAsync(parked.Id, CancellationToken.None),
            outbox.Administration.ReplayAsync(parked.Id, CancellationToken.None)); // two administrators at once

        var receipts = await Poll.UntilAsync(() => outbox.ReceiptsAsync(thing), r => r.Count == 3, what: "the three events taken");
        receipts.Select(r => r.Number).Should().Equal(1, 2, 3);
        await Poll.UntilAsync(() => outbox.UndeliveredAsync(thing), u => u.Count == 0, what: "nothing left undelivered");
        await Task.Delay(500);
        (await outbox.ReceiptsAsync(thing)).Should().HaveCount(3, "a replay is taken once");
    }

    [Fact]
    public async Task Given_a_receiver_slower_than_the_timeout_Then_the_attempt_counts_as_failed_and_a_retry_takes_the_event()
    {
        await outbox.Daemon.StartAllAsync();
        var thing = Guid.NewGuid();
        WhenThingHappened.Slow[thing] = TimeSpan.FromSeconds(3);
        var eventId = await outbox.AppendAsync(thing, new ThingHappened(thing, 1));

        var retrying = await Poll.UntilAsync(() => outbox.UndeliveredAsync(thing), u => u.Count == 1, what: "the timed-out attempt");
        retrying[0].Error.Should().Contain("TimeoutException");

        var receipts = await Poll.UntilAsync(() => outbox.ReceiptsAsync(thing), r => r.Count == 1, what: "the retry's receipt");
        receipts.Single().Id.Should().Be(eventId);
        await Poll.UntilAsync(() => outbox.UndeliveredAsync(thing), u => u.Count == 0, what: "the delivery cleared");
    }

    [Fact]
    public async Task Given_a_slow_event_of_one_stream_Then_other_streams_are_taken_meanwhile_and_each_stream_stays_in_order()
    {
        var (slow, quick) = (Guid.NewGuid(), Guid.NewGuid());
        WhenThingHappened.Slow[slow] = TimeSpan.FromMilliseconds(700); // under the outbox's timeout (1 s): a slow success
        for (var n = 1; n <= 3; n++)
        {
            await outbox.AppendAsync(slow, new ThingHappened(slow, n));
            await outbox.AppendAsync(quick, new ThingHappened(quick, n));
        }

        await outbox.Daemon.StartAllAsync(); // one page: the six events

        var slowOnes = await Poll.UntilAsync(() => outbox.ReceiptsAsync(slow), r => r.Count == 3, what: "the slow stream's receipts");
        var quickOnes = await outbox.ReceiptsAsync(quick);
        quickOnes.Should().HaveCount(3);
        slowOnes.OrderBy(r => r.Arrival).Select(r => r.Number).Should().Equal(1, 2, 3);
        quickOnes.OrderBy(r => r.Arrival).Select(r => r.Number).Should().Equal(1, 2, 3);
        quickOnes.Max(r => r.Arrival).Should().BeLessThan(slowOnes.Min(r => r.Arrival),
            "the quick stream's events did not wait behind the slow one's first event");
    }
}
