using Marketplace.Orders.Domain;
using Marten;
using Npgsql;

namespace Marketplace.Orders.Features;

/// <summary>What checkout knows of an order id before it starts: the order if a request placed it, the fingerprint of a
/// refused request that claimed its key, and a number for the new order (drawn only when there is no order).</summary>
internal sealed record KnownCheckout(Order? Order, string? ClaimedFor, long? Number);

/// <summary>
/// One round trip where there were four (order exists?, claim read, claim commit, then later <c>nextval</c>): a left join
/// of the order's and the claim's documents, and the sequence's next value in the same statement.
/// </summary>
internal sealed class PlaceOrderLookup(NpgsqlDataSource database, IOrdersStore store)
{
    private readonly string sql =
        $"select o.data, c.data ->> 'requestHash', case when o.id is null then nextval('orders.{OrderNumbers.Sequence}') end " +
        $"from (select @id as id) k left join {store.Options.Schema.For<Order>(true)} o on o.id = k.id " +
        $"left join {store.Options.Schema.For<CheckoutClaim>(true)} c on c.id = k.id";

    private readonly ISerializer serializer = store.Options.Serializer();

    public async Task<KnownCheckout> FindAsync(Guid orderId, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("id", orderId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new KnownCheckout(
            await reader.IsDBNullAsync(0, ct) ? null : serializer.FromJson<Order>(reader, 0),
            await reader.IsDBNullAsync(1, ct) ? null : reader.GetString(1),
            await reader.IsDBNullAsync(2, ct) ? null : reader.GetInt64(2));
    }
}
