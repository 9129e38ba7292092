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

        receipts.Single().Should().Be(new Receipt(eventId, thing, 7, SourceWasCommitted: true));
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
    public async Task Given_a_receiver_that_keeps_failing_Then_the_event_becomes_a_visible_dead_letter_and_later_events_still_flow()
    {
        await outbox.Daemon.StartAllAsync();
        var poisoned = Guid.NewGuid();
        await outbox.AppendAsync(poisoned, new PoisonPill(poisoned));
        var after = Guid.NewGuid();
        await outbox.AppendAsync(after, new ThingHappened(after, 1));

        await Poll.UntilAsync(() => outbox.ReceiptsAsync(after), r => r.Count == 1, what: "the event after the poison");

        var letters = await Poll.UntilAsync(async () =>
        {
            await using var session = outbox.Sender.QuerySession();
            return await session.Query<OutboxDeadLetter>().ToListAsync();
        }, l => l.Count > 0, what: "the dead letter");
        var letter = letters.Should().ContainSingle().Subject;
        letter.Message.Should().Contain("always fails");
        letter.EventType.Should().Be("sender.poison_pill");
    }
}
