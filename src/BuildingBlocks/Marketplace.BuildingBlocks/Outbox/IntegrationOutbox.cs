using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MediatR;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// The outbox of a module (ARCHITECTURE.md rule 4): a Marten subscription on the module's own store that maps
/// committed domain events to integration events and publishes them through MediatR. The daemon only sees
/// committed events, in sequence order, and records its progress after a page is handled: so each integration
/// event is published after commit, at least once. Receivers must be idempotent (<see cref="IdempotentReceiver"/>).
/// A failure that is not transient is retried a few times, then recorded as a dead letter (visible to admins).
/// A transient one (database unreachable) is retried until it passes: progress could not be saved anyway.
/// </summary>
public abstract class IntegrationOutbox : SubscriptionBase
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];
    private readonly IMediator mediator;
    private readonly ILogger logger;
    private readonly TimeProvider clock;

    protected IntegrationOutbox(string name, IMediator mediator, ILogger logger, TimeProvider? clock = null)
    {
        Name = name;
        this.mediator = mediator;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>The integration events a committed domain event stands for (often none).</summary>
    protected abstract IEnumerable<INotification> Map(IEvent e);

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var e in page.Events)
        {
            try
            {
                foreach (var message in Map(e))
                    await PublishAsync(message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox {Outbox}: event {EventType} {EventId} (sequence {Sequence}) goes to the dead letters",
                    Name, e.EventTypeName, e.Id, e.Sequence);
                // Committed with the subscription's progress: the failure is recorded exactly when the event is passed over.
                operations.Store(new OutboxDeadLetter(e.Id, Name, e.Sequence, e.EventTypeName, ex.GetType().Name, ex.Message, clock.GetUtcNow()));
            }
        }
        return NullChangeListener.Instance;
    }

    private async Task PublishAsync(INotification message, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await mediator.Publish(message, ct);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox {Outbox}: {Message} failed for a transient reason; retrying", Name, message.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt, 5))), ct);
            }
            catch (Exception ex) when (attempt < Backoff.Length && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox {Outbox}: {Message} failed (attempt {Attempt}); retrying", Name, message.GetType().Name, attempt + 1);
                await Task.Delay(Backoff[attempt], ct);
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        TimeoutException => true,
        _ => ex.InnerException is not null && IsTransient(ex.InnerException),
    };
}

/// <summary>A committed event whose integration event could not be delivered: shown to administrators.</summary>
public sealed record OutboxDeadLetter(Guid Id, string Outbox, long EventSequence, string EventType, string ExceptionType,
    string Message, DateTimeOffset At);
