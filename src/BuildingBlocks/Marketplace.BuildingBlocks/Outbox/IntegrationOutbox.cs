using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Marten.Subscriptions;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks;

/// <summary>What every outbox needs, in one parameter.</summary>
public sealed record OutboxServices(OutboxReceivers Receivers, OutboxSignals Signals, IOptions<OutboxOptions> Options, TimeProvider Clock);

/// <summary>
/// The outbox of a module (ARCHITECTURE.md rule 4): a Marten subscription on the module's own store that maps committed
/// domain events to integration events and delivers them to each receiving module apart. The daemon only sees committed
/// events, in sequence order, and records its progress after a page is handled: so each integration event is delivered
/// after commit, at least once. Receivers must be idempotent (<see cref="IdempotentReceiver"/>).
/// <para>
/// A receiver that fails (or takes longer than the timeout) gets an <see cref="OutboxDelivery"/>, committed with the page's
/// progress, that <see cref="OutboxRetries{TStore,TOutbox}"/> retries with backoff and parks after the last attempt; the
/// later events of the same stream wait behind it for that receiver only. The other receivers are not held back: they
/// take the page's messages at the same time, and each takes several streams at once (OutboxOptions.StreamsAtOnce),
/// each stream's messages in order.
/// </para>
/// </summary>
public abstract class IntegrationOutbox : SubscriptionBase
{
    private readonly OutboxServices services;
    private readonly ILogger logger;

    protected IntegrationOutbox(string name, OutboxServices services, ILogger logger)
    {
        Name = name;
        this.services = services;
        this.logger = logger;
    }

    /// <summary>The integration events a committed domain event stands for (often none).</summary>
    protected abstract IEnumerable<INotification> Map(IEvent e);

    internal IReadOnlyList<INotification> MessagesOf(IEvent e) => Map(e).ToList();

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var known = await operations.Query<OutboxDelivery>().Where(d => d.Outbox == Name)
            .Select(d => new Known(d.Id, d.Receiver, d.StreamId)).ToListAsync(cancellationToken);
        var messages = page.Events.SelectMany(e => Map(e).Select((message, index) => new Message(e, index, message))).ToList();
        var receivers = messages.SelectMany(m => services.Receivers.Of(m.Body.GetType())).Distinct().ToList();
        // Each receiver takes its messages in order; the receivers work at the same time (they are different modules, with
        // their own stores): the page takes as long as its slowest receiver, not as long as all of them one after another.
        var undelivered = await Task.WhenAll(receivers.Select(receiver => DeliverAsync(receiver,
            messages.Where(m => services.Receivers.Of(m.Body.GetType()).Contains(receiver)),
            known.Where(k => k.Receiver == receiver).Select(k => k.StreamId).ToHashSet(), cancellationToken)));
        var ids = known.Select(k => k.Id).ToHashSet();
        var queued = 0;
        foreach (var delivery in undelivered.SelectMany(d => d))
        {
            if (ids.Contains(delivery.Id)) continue; // a page delivered again (a rewind): its delivery stands as it is
            operations.Store(delivery); // committed with the page's progress: it is retried exactly when it is passed over
            queued++;
        }
        return queued == 0 ? NullChangeListener.Instance : new WakeRetries(services.Signals, Name);
    }

    /// <summary>
    /// The messages of a page to one receiver, each stream's in order, several streams at a time; answers those it did not
    /// take: the ones that failed, and every later one of the same stream (<paramref name="waiting"/>: streams with a
    /// delivery already waiting for this receiver).
    /// </summary>
    private async Task<List<OutboxDelivery>> DeliverAsync(string receiver, IEnumerable<Message> messages, HashSet<Guid> waiting,
        CancellationToken cancellationToken)
    {
        var undelivered = new System.Collections.Concurrent.ConcurrentBag<OutboxDelivery>();
        var streams = messages.GroupBy(m => m.Event.StreamId).ToList();
        await Parallel.ForEachAsync(streams, new ParallelOptions
        {
            MaxDegreeOfParallelism = services.Options.Value.StreamsAtOnce, CancellationToken = cancellationToken,
        }, async (stream, ct) =>
        {
            var held = waiting.Contains(stream.Key); // read only: each stream is this task's alone
            foreach (var (e, index, message) in stream)
            {
                var delivery = OutboxDelivery.Of(Name, receiver, e, index, message.GetType(), services.Clock.GetUtcNow());
                if (!held)
                {
                    try
                    {
                        await DeliverOneAsync(receiver, message, ct);
                        continue;
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        logger.LogWarning(ex, "Outbox {Outbox}: {Receiver} failed to take {Message} of event {EventId}; it is retried",
                            Name, receiver, message.GetType().Name, e.Id);
                        delivery.Failed(ex, services.Clock.GetUtcNow(), services.Options.Value);
                        held = true;
                    }
                }
                undelivered.Add(delivery);
            }
        });
        return undelivered.ToList();
    }

    /// <summary>
    /// One message to one receiver; taken again at once when the receiver lost a race on one of its own streams (another
    /// stream's event wrote it first: optimistic concurrency), as it is idempotent.
    /// </summary>
    private async Task DeliverOneAsync(string receiver, INotification message, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await services.Receivers.DeliverAsync(receiver, message, ct);
                return;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3 && !ct.IsCancellationRequested) { }
        }
    }

    private sealed record Message(IEvent Event, int Index, INotification Body);

    private sealed record Known(string Id, string Receiver, Guid StreamId);

    /// <summary>After the page's commit, the retries of this outbox look at once at what it queued.</summary>
    private sealed class WakeRetries(OutboxSignals signals, string outbox) : IChangeListener
    {
        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            signals.Wake(outbox);
            return Task.CompletedTask;
        }

        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
