using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using Marten;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

// What other modules ask of Cooperatives (Marketplace.Cooperatives.Contracts), read from the inline documents:
// what a command committed is seen by the next question at once.

internal sealed class GetCooperativeAccessHandler(ICooperativesStore store) : IRequestHandler<GetCooperativeAccess, CooperativeAccess?>
{
    public async Task<CooperativeAccess?> Handle(GetCooperativeAccess query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var c = await session.LoadAsync<Cooperative>(query.CooperativeId, ct);
        return c is null ? null : new CooperativeAccess(c.Id, c.StatusName, c.IsOwner(query.UserId), c.IsStaff(query.UserId));
    }
}

internal sealed class GetCooperativeSummariesHandler(ICooperativesStore store) : IRequestHandler<GetCooperativeSummaries, IReadOnlyList<CooperativeSummary>>
{
    public async Task<IReadOnlyList<CooperativeSummary>> Handle(GetCooperativeSummaries query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var found = await session.LoadManyAsync<Cooperative>(ct, query.CooperativeIds.Distinct());
        return found.Select(c => new CooperativeSummary(c.Id, c.Name, c.Province, c.StatusName)).ToList();
    }
}

/// <summary>
/// Every known cooperative gets a policy: one that set none has no fee (0, never waived); a fee above the platform's limit
/// (set before the limit was lowered) is the limit. Unknown ids are left out.
/// </summary>
internal sealed class GetShippingPoliciesHandler(ICooperativesStore store) : IRequestHandler<GetShippingPolicies, IReadOnlyList<ShippingPolicy>>
{
    public async Task<IReadOnlyList<ShippingPolicy>> Handle(GetShippingPolicies query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var found = await session.LoadManyAsync<Cooperative>(ct, query.CooperativeIds.Distinct());
        var limit = found.Any(c => c.Shipping is not null) ? await Features.DeliveryFeeLimit.CurrentAsync(session, ct) : Features.DeliveryFeeLimit.Default;
        return found.Select(c => c.Shipping is { } s
                ? new ShippingPolicy(c.Id, Math.Min(s.FlatFee.Amount, limit.Amount), s.FreeAbove?.Amount, s.FlatFee.Currency)
                : new ShippingPolicy(c.Id, 0.00m, null))
            .ToList();
    }
}

/// <summary>The current payout account; <see cref="PayoutAccount.OnHoldUntil"/> only while the hold lasts.</summary>
internal sealed class GetPayoutAccountHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<GetPayoutAccount, PayoutAccount?>
{
    public async Task<PayoutAccount?> Handle(GetPayoutAccount query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var c = await session.LoadAsync<Cooperative>(query.CooperativeId, ct);
        if (c?.Payout is not { } p) return null;
        var hold = p.OnHoldUntil is { } until && until > clock.GetUtcNow() ? until : (DateTimeOffset?)null;
        return new PayoutAccount(c.Id, p.Method, p.Rib, p.StripeAccountId, hold);
    }
}

internal sealed class FindCooperativeByRegistrationNumberHandler(ICooperativesStore store) : IRequestHandler<FindCooperativeByRegistrationNumber, Guid?>
{
    public async Task<Guid?> Handle(FindCooperativeByRegistrationNumber query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<RegistrationClaim>(RegistrationClaim.Key(query.RegistrationNumber), ct))?.CooperativeId;
    }
}
