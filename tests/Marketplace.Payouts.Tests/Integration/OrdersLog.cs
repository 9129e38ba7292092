using System.Collections.Concurrent;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// What the Orders outbox delivered. The log is a receiver of its own (this assembly), which the outbox serves at the
/// same time as the Payouts module: when the log has an event, Payouts has handled it once the outbox's progress has
/// passed it (the outbox records its progress after every receiver took the page).
/// </summary>
public sealed class OrdersLog
{
    private readonly ConcurrentQueue<INotification> received = new();
    private NpgsqlDataSource? database;

    public IReadOnlyList<T> Of<T>() => received.OfType<T>().ToList();

    /// <summary>Waits until the Payouts module has heard the event that <paramref name="match"/> picks.</summary>
    public async Task<T> HeardAsync<T>(Func<T, bool> match, string what)
    {
        var heard = (await Poll.UntilAsync(() => Task.FromResult(Of<T>().Where(match).ToList()), l => l.Count > 0, what: what))[0];
        var head = await ScalarAsync("select coalesce(max(seq_id), 0) from orders.mt_events"); // the event heard is at or before it
        await Poll.UntilAsync(() => ScalarAsync("select coalesce(min(last_seq_id), 0) from orders.mt_event_progression where name like 'orders-outbox%'"),
            at => at >= head, what: $"{what}: the Orders outbox's progress past it");
        return heard;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = database!.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        Add<OrderPlacedIntegrationEvent>(services);
        Add<OrderPaidIntegrationEvent>(services);
        Add<SubOrderDeliveredIntegrationEvent>(services);
        Add<SubOrdersCancelledIntegrationEvent>(services);
        Add<RefundIssuedIntegrationEvent>(services);
    }

    private static void Add<T>(IServiceCollection services) where T : INotification =>
        services.AddTransient<INotificationHandler<T>, Handler<T>>();

    private sealed class Handler<T>(OrdersLog log, NpgsqlDataSource database) : INotificationHandler<T> where T : INotification
    {
        public Task Handle(T notification, CancellationToken ct)
        {
            log.database = database;
            log.received.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
