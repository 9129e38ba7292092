using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Payouts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts.Reconciliation;

/// <summary>
/// What does not match: statement lines that match no payout, bank transfers sent more than the grace days ago that
/// no statement line shows yet, and the differences the last comparison with Stripe's transfers found.
/// </summary>
internal sealed record GetReconciliation : IRequest<GetReconciliation.Answer>
{
    internal sealed record Answer(IReadOnlyList<StatementLineView> UnmatchedLines, IReadOnlyList<PayoutView> UnmatchedPayouts,
        StripeComparison? Stripe);
}

internal sealed class GetReconciliationHandler(IPayoutsStore store, TimeProvider clock, IOptions<PayoutsOptions> options)
    : IRequestHandler<GetReconciliation, GetReconciliation.Answer>
{
    public async Task<GetReconciliation.Answer> Handle(GetReconciliation query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var lines = await session.Query<StatementLine>().Where(l => l.PayoutId == null)
            .OrderByDescending(l => l.Date).ThenBy(l => l.Id).Take(500).ToListAsync(ct);
        var overdue = clock.GetUtcNow().AddDays(-options.Value.ReconciliationGraceDays);
        var payouts = await session.Query<Payout>().Where(p => p.Status == PayoutStatus.Sent && p.SentAt < overdue)
            .OrderBy(p => p.SentAt).Take(500).ToListAsync(ct);
        var stripe = await session.LoadAsync<StripeComparison>(StripeComparison.LatestId, ct);
        return new GetReconciliation.Answer(lines.Select(StatementLineView.Of).ToList(), payouts.Select(PayoutView.Of).ToList(), stripe);
    }
}

internal static class GetReconciliationEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/reconciliation",
            async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetReconciliation(), ct)))
        .WithSummary("Statement lines that match no payout, sent payouts that no statement shows, differences with Stripe");
}
