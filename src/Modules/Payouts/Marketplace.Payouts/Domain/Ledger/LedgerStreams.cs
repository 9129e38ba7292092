using JasperFx.Events;
using Marten;

namespace Marketplace.Payouts.Domain.Ledger;

internal static class LedgerStreams
{
    /// <summary>
    /// Reads a cooperative's ledger for writing (optimistic: a concurrent writer makes the save fail), runs the
    /// decisions one after the other on a copy of it, and appends what they decided; the caller saves.
    /// </summary>
    public static async Task<CooperativeLedger> DecideAsync(this IDocumentSession session, Guid cooperativeId,
        IEnumerable<Func<CooperativeLedger, IReadOnlyList<ILedgerTransaction>>> decisions, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<CooperativeLedger>(cooperativeId, ct);
        var ledger = stream.Aggregate?.Copy() ?? CooperativeLedger.Empty(cooperativeId);
        foreach (var decide in decisions)
            foreach (var transaction in decide(ledger))
            {
                stream.AppendOne(transaction);
                ledger.Then(transaction);
            }
        return ledger;
    }

    public static Task<CooperativeLedger> DecideAsync(this IDocumentSession session, Guid cooperativeId,
        Func<CooperativeLedger, IReadOnlyList<ILedgerTransaction>> decide, CancellationToken ct) =>
        session.DecideAsync(cooperativeId, [decide], ct);
}
