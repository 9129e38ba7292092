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

[EventName("sender.poison_pill")]
public sealed record PoisonPill(Guid ThingId) : IDomainEvent;

public sealed record ThingHappenedIntegrationEvent(Guid EventId, Guid ThingId, int Number) : INotification;
public sealed record PoisonIntegrationEvent(Guid EventId) : INotification;

internal sealed class SenderOutbox(IMediator mediator, ILogger<SenderOutbox> logger) : IntegrationOutbox("sender-outbox", mediator, logger)
{
    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        ThingHappened t => [new ThingHappenedIntegrationEvent(e.Id, t.ThingId, t.Number)],
        PoisonPill => [new PoisonIntegrationEvent(e.Id)],
        _ => [],
    };
}

/// <summary>What the receiver recorded: one per integration event, with whether the source event was committed then.</summary>
public sealed record Receipt(Guid Id, Guid ThingId, int Number, bool SourceWasCommitted);

internal sealed class WhenThingHappened(IReceiverStore receiver, ISenderStore sender, TimeProvider clock)
    : INotificationHandler<ThingHappenedIntegrationEvent>
{
    public static readonly ConcurrentDictionary<Guid, int> Deliveries = new();

    public async Task Handle(ThingHappenedIntegrationEvent e, CancellationToken ct)
    {
        Deliveries.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
        await receiver.ProcessOnceAsync($"when-thing-happened:{e.EventId}", clock, async session =>
        {
            await using var query = sender.QuerySession(); // another connection: sees only what is committed
            var committed = (await query.Events.FetchStreamAsync(e.ThingId, token: ct)).Any(x => x.Id == e.EventId);
            session.Store(new Receipt(e.EventId, e.ThingId, e.Number, committed));
        }, ct);
    }
}

internal sealed class WhenPoison : INotificationHandler<PoisonIntegrationEvent>
{
    public Task Handle(PoisonIntegrationEvent e, CancellationToken ct) => throw new InvalidOperationException("this receiver always fails");
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
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System)
            .AddMarketplaceDatabase(builder.Configuration)
            .AddMarketplaceMediator(typeof(OutboxHost).Assembly);
        builder.Services.AddModuleStore<ISenderStore>(builder.Configuration, "sender", 41, o => o.Events.MapDomainEvents(typeof(OutboxHost).Assembly))
            .AddSubscriptionWithServices<SenderOutbox>(ServiceLifetime.Scoped);
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
        return await session.Query<Receipt>().Where(r => r.ThingId == thingId).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Daemon.StopAllAsync();
        Daemon.Dispose();
        await Host.StopAsync();
        Host.Dispose();
        await database.DisposeAsync();
    }
}
