using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Sales;
using Marten;

namespace Marketplace.Payouts.Integration;

/// <summary>What the receivers of the Orders events share: each event posted once, the ledgers it touches in one transaction.</summary>
internal static class SaleLedger
{
    /// <summary>
    /// Runs <paramref name="work"/> once for the integration event <paramref name="eventId"/>: the marker and the ledger
    /// transactions commit together; a concurrent writer of the same ledger makes it start again on fresh state.
    /// </summary>
    public static Task ProcessOnceAsync(this IPayoutsStore store, Guid eventId, TimeProvider clock, Func<IDocumentSession, Task> work,
        CancellationToken ct) =>
        Concurrency.RetryOnConflictAsync(() => store.ProcessOnceAsync($"orders-event:{eventId}", clock, work, ct), ct);

    /// <summary>The order as frozen when it was placed; the Orders outbox delivers in order, so it is known by now.</summary>
    public static async Task<Sale> SaleAsync(this IDocumentSession session, Guid orderId, CancellationToken ct) =>
        await session.LoadAsync<Sale>(orderId, ct)
        ?? throw new InvalidOperationException($"Order {orderId} was not recorded as placed: its OrderPlaced event has not been handled.");

    /// <summary>Runs a decision per sub-order on its cooperative's ledger, cooperative by cooperative (always in the same order).</summary>
    public static async Task DecideForEachAsync(this IDocumentSession session, IEnumerable<SubOrderSale> subOrders,
        Func<SubOrderSale, CooperativeLedger, IReadOnlyList<ILedgerTransaction>> decide, CancellationToken ct)
    {
        foreach (var cooperative in subOrders.GroupBy(s => s.CooperativeId).OrderBy(g => g.Key))
            await session.DecideAsync(cooperative.Key,
                cooperative.Select(s => (Func<CooperativeLedger, IReadOnlyList<ILedgerTransaction>>)(ledger => decide(s, ledger))), ct);
    }
}
