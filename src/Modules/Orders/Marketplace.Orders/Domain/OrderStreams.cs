using JasperFx;
using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marten;

namespace Marketplace.Orders.Domain;

internal static class OrderStreams
{
    private const int Attempts = 8;

    /// <summary>
    /// Reads the order, decides, appends with the version it read (optimistic concurrency); when another writer
    /// got there first, decides again on the new state. Answers the order after the change.
    /// </summary>
    public static async Task<Order> UpdateAsync(this IOrdersStore store, Guid orderId, Func<Order, IReadOnlyList<IDomainEvent>> decide,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var (order, events) = await DecideAsync(session, orderId, decide, ct);
            if (events.Count == 0) return order;
            var version = order.Version;
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e.IsConcurrencyConflict() && attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
                continue;
            }
            if (order.Version == version) foreach (var e in events) order.Then(e); // unless Marten applied them to it already
            return order;
        }
    }

    /// <summary>Decides and appends in <paramref name="session"/>; the caller saves (with what else it records).</summary>
    public static async Task<(Order Order, IReadOnlyList<IDomainEvent> Events)> DecideAsync(IDocumentSession session, Guid orderId,
        Func<Order, IReadOnlyList<IDomainEvent>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Order>(orderId, ct);
        var order = stream.Aggregate ?? throw new NotFound("The order");
        var events = decide(order);
        if (events.Count > 0) stream.AppendMany(events.Cast<object>().ToArray());
        return (order, events);
    }

    public static bool IsConcurrencyConflict(this Exception e) => e switch
    {
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException => true,
        _ => e.InnerException?.IsConcurrencyConflict() ?? false,
    };

    public static async Task<Order?> LoadOrderAsync(this IOrdersStore store, Guid orderId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Order>(orderId, ct);
    }
}
