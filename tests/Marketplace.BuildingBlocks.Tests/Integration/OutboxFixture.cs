using System.Collections.Concurrent;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Tests.Integration;

// A module in miniature: its store, its domain events, its outbox; and a receiver module with its own store.
public interface ISenderStore : IDocumentStore;
public interface IReceiverStore : IDocumentStore;

[EventName("sender.thing_happened")]
public sealed record ThingHappened(Guid ThingId, int Number) : IDomainEvent;

public sealed record ThingHappenedIntegrationEvent(Guid EventId, Guid ThingId, int Number) : INotification;

internal sealed class SenderOutbox(OutboxServices services, ILogger<SenderOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "sender-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        ThingHappened t => [new ThingHappenedIntegrationEvent(e.Id, t.ThingId, t.Number)],
        _ => [],
    };
}

/// <summary>What the receiver recorded: one per integration event, with whether the source event was committed then, and
/// the order in which receipts were made.</summary>
public sealed record Receipt(Guid Id, Guid ThingId, int Number, bool SourceWasCommitted, long Arrival);

internal sealed class WhenThingHappened(IReceiverStore receiver, ISenderStore sender, TimeProvider clock)
    : INotificationHandler<ThingHappenedIntegrationEvent>
{
    public static readonly ConcurrentDictionary<Guid, int> Deliveries = new();
    /// <summary>Faults a test injects for a thing: how many deliveries fail before one succeeds.</summary>
    public static readonly ConcurrentDictionary<Guid, int> FailuresLeft = new();
    /// <summary>Deliveries for these things take longer than the outbox waits.</summary>
    public static readonly ConcurrentDictionary<Guid, TimeSpan> Slow = new();
    private static long arrivals;

    public async Task Handle(ThingHappenedIntegrationEvent e, CancellationToken ct)
    {
        Deliveries.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
        if (Slow.TryRemove(e.ThingId, out var delay)) await Task.Delay(delay, CancellationToken.None);
        if (FailuresLeft.TryGetValue(e.ThingId, out var left) && left > 0)
        {
            FailuresLeft[e.ThingId] = left - 1;
            throw new InvalidOperationException($"the receiver fails for thing {e.ThingId}");
        }
        await receiver.ProcessOnceAsync($"when-thing-happened:{e.EventId}", clock, async session =>
        {
            await using var query = sender.QuerySession(); // another connection: sees only what is committed
            var committed = (await query.Events.FetchStreamAsync(e.ThingId, token: ct)).Any(x => x.Id == e.EventId);
            session.Store(new Receipt(e.EventId, e.ThingId, e.Number, committed, Interlocked.Increment(ref arrivals)));
        }, ct);
    }
}

/// <summary>A host with both stores on a fresh database; its daemon is built by hand, so tests decide when it runs.</summary>
public sealed class OutboxHost : IAsyncDisposable
{
    private TestDatabase database = null!;
    public IHost Host { get; private set; } = null!;
    public IProjectionDaemon Daemon { get; private set; } = null!;
    public ISenderStore Sender => Host.Services.GetRequiredService<ISenderStore>();
    public IReceiverStore Receiver => Host.Services.GetRequiredService<IReceiverStore>();

    public static async Task<OutboxHost> StartAsync()
    {
        var outbox = new OutboxHost { database = await TestDatabase.CreateAsync() };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = outbox.database.ConnectionString,
            ["Marten:Daemon"] = nameof(DaemonMode.Disabled),
            ["Marketplace:Outbox:Retries"] = "true",
            ["Marketplace:Outbox:Attempts"] = "3",
            ["Marketplace:Outbox:BackoffSeconds"] = "0.2,0.5",
            ["Marketplace:Outbox:Timeout"] = "00:00:01",
            ["Marketplace:Outbox:StreamsAtOnce"] = "4",
            ["Marketplace:Outbox:Poll"] = "00:00:00.100",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System)
            .AddMarketplaceDatabase(builder.Configuration)
            .AddMarketplaceMediator(typeof(OutboxHost).Assembly);
        builder.Services.AddModuleStore<ISenderStore>(builder.Configuration, "sender", 41, o => o.Events.MapDomainEvents(typeof(OutboxHost).Assembly))
            .AddIntegrationOutbox<ISenderStore, SenderOutbox>(builder.Services, builder.Configuration, SenderOutbox.OutboxName);
        builder.Services.AddModuleStore<IReceiverStore>(builder.Configuration, "receiver", 42, _ => { });
        outbox.Host = builder.Build();
        await outbox.Host.StartAsync();
        outbox.Daemon = await outbox.Sender.BuildProjectionDaemonAsync();
        return outbox;
    }

    public async Task<Guid> AppendAsync(Guid thingId, object e)
    {
        await using var session = Sender.LightweightSession();
        session.Events.Append(thingId, e);
        await session.SaveChangesAsync();
        var stream = await session.Events.FetchStreamAsync(thingId);
        return stream.Last().Id;
    }

    public async Task<IReadOnlyList<Receipt>> ReceiptsAsync(Guid thingId)
    {
        await using var session = Receiver.QuerySession();
        return (await session.Query<Receipt>().Where(r => r.ThingId == thingId).ToListAsync()).OrderBy(r => r.Arrival).ToList();
    }

    public OutboxAdministration Administration => Host.Services.GetRequiredService<OutboxAdministration>();

    /// <summary>What the outbox keeps for the thing's stream: retrying, parked or waiting deliveries.</summary>
    public async Task<IReadOnlyList<UndeliveredEvent>> UndeliveredAsync(Guid thingId) =>
        (await Administration.ListAsync(CancellationToken.None)).Where(u => u.StreamId == thingId).OrderBy(u => u.Sequence).ToList();

    public async ValueTask DisposeAsync()
    {
        await Daemon.StopAllAsync();
        Daemon.Dispose();
        await Host.StopAsync();
        Host.Dispose();
        await database.DisposeAsync();
    }
}
