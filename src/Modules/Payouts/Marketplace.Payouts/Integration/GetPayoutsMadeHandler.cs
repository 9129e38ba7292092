using Marketplace.Payouts.Contracts;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Payouts;
using Marten;
using MediatR;

namespace Marketplace.Payouts.Integration;

/// <summary>Sums the payouts that left the platform in the period (sent, paid or reconciled; returned ones came back).</summary>
internal sealed class GetPayoutsMadeHandler(IPayoutsStore store, LocalCalendar calendar) : IRequestHandler<GetPayoutsMade, PayoutsMade>
{
    public async Task<PayoutsMade> Handle(GetPayoutsMade query, CancellationToken ct)
    {
        var (from, to) = (calendar.StartOf(query.From), calendar.EndOf(query.To));
        await using var session = store.QuerySession();
        var candidates = await session.Query<Payout>()
            .Where(p => p.Status == PayoutStatus.Sent || p.Status == PayoutStatus.Paid || p.Status == PayoutStatus.Reconciled)
            .Where(p => (p.SentAt >= from && p.SentAt < to) || (p.PaidAt >= from && p.PaidAt < to) || (p.ReconciledAt >= from && p.ReconciledAt < to))
            .ToListAsync(ct);
        var made = candidates.Where(p => (p.SentAt ?? p.PaidAt ?? p.ReconciledAt) is { } left && left >= from && left < to).ToList();
        return new PayoutsMade(made.Count, made.Select(p => p.CooperativeId).Distinct().Count(), made.Sum(p => p.Amount.Amount));
    }
}
