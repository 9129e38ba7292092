using Marketplace.Payouts.Contracts;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Ledger;
using Marten;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>Sums the commission legs of the month's ledger transactions, per cooperative (for the platform's commission invoices).</summary>
internal sealed class GetMonthlyCommissionsHandler(IPayoutsStore store, LocalCalendar calendar) : IRequestHandler<GetMonthlyCommissions, IReadOnlyList<MonthlyCommission>>
{
    public async Task<IReadOnlyList<MonthlyCommission>> Handle(GetMonthlyCommissions query, CancellationToken ct)
    {
        var (from, to) = calendar.Month(query.Year, query.Month);
        await using var session = store.QuerySession();
        // Events are stamped with the platform's clock when appended; a transaction's own time decides its month.
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp >= from.AddDays(-1) && e.Timestamp < to.AddDays(1)).ToListAsync(ct);
        return events.Select(e => e.Data).OfType<ILedgerTransaction>().Where(t => t.At >= from && t.At < to)
            .SelectMany(t => t.Legs.Where(l => l.Account == LedgerAccount.Commission).Select(l => (t.CooperativeId, t.Reference, l.Amount)))
            .GroupBy(x => x.CooperativeId)
            .Select(g => new MonthlyCommission(g.Key, g.Sum(x => x.Amount.Amount), g.Select(x => x.Reference).Distinct().Count(),
                g.First().Amount.Currency))
            .ToList();
    }
}
