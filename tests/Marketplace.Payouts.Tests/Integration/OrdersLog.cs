using System.Collections.Concurrent;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>
/// What the Orders outbox delivered. Its handlers are registered after the modules' (test services come last) and
/// MediatR runs the handlers of a notification one after the other: when the log has an event, the Payouts module
/// has handled it.
/// </summary>
public sealed class OrdersLog
{
    private readonly ConcurrentQueue<INotification> received = new();

    public IReadOnlyList<T> Of<T>() => received.OfType<T>().ToList();

    /// <summary>Waits until the Payouts module has heard the event that <paramref name="match"/> picks.</summary>
    public async Task<T> HeardAsync<T>(Func<T, bool> match, string what) =>
        (await Poll.UntilAsync(() => Task.FromResult(Of<T>().Where(match).ToList()), l => l.Count > 0, what: what))[0];

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

    private sealed class Handler<T>(OrdersLog log) : INotificationHandler<T> where T : INotification
    {
        public Task Handle(T notification, CancellationToken ct)
        {
            log.received.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
