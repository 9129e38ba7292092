using Marketplace.Orders.Domain;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Orders.Fulfilment;

/// <summary>That a one-time backfill of the Orders store ran to its end (its name is the id).</summary>
internal sealed class OrdersBackfill
{
    public string Id { get; set; } = "";
    public DateTimeOffset DoneAt { get; set; }
}

/// <summary>
/// At start (after the store's schema is applied), names the order of every sub-order placed before
/// <see cref="SubOrderOwners"/> existed, so that the cooperatives' routes find every order by primary key and an unknown
/// sub-order id costs two reads, never a scan of the orders. Runs until it has finished once (then one read per start);
/// idempotent, so two nodes starting together only write the same records twice.
/// </summary>
internal sealed class SubOrderOwnersBackfill(IOrdersStore store, NpgsqlDataSource database, TimeProvider clock,
    ILogger<SubOrderOwnersBackfill> logger) : IHostedService
{
    public const string Name = "sub-order-owners";
    private const int Batch = 1_000;

    public async Task StartAsync(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
            if (await query.LoadAsync<OrdersBackfill>(Name, ct) is not null) return;
        var orders = store.Options.Schema.For<Order>(true);
        var owners = store.Options.Schema.For<SubOrderOwner>(true);
        await using var command = database.CreateCommand(
            $"select (s->>'id')::uuid, d.id from {orders} d cross join lateral jsonb_array_elements(d.data->'subOrders') s " +
            $"where not exists (select 1 from {owners} o where o.id = (s->>'id')::uuid)");
        var missing = new List<SubOrderOwner>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) missing.Add(new SubOrderOwner { Id = reader.GetGuid(0), OrderId = reader.GetGuid(1) });
        foreach (var chunk in missing.Chunk(Batch))
        {
            await using var session = store.LightweightSession();
            session.Store(chunk);
            await session.SaveChangesAsync(ct);
        }
        await using (var done = store.LightweightSession())
        {
            done.Store(new OrdersBackfill { Id = Name, DoneAt = clock.GetUtcNow() });
            await done.SaveChangesAsync(ct);
        }
        if (missing.Count > 0) logger.LogInformation("Orders named for {Count} sub-orders placed before they were kept", missing.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
