using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Catalogue.Features;

/// <summary>"Only staff of the product's cooperative change it", asked of Cooperatives at each command (never kept in tokens).</summary>
internal static class StaffAccess
{
    /// <summary>The caller's access; 404 when the cooperative does not exist, 403 when the caller is not its staff
    /// (or, with <paramref name="mustBeVerified"/>, when it is not verified).</summary>
    public static async Task<CooperativeAccess> RequireStaffAsync(this IMediator mediator, Guid cooperativeId, Guid userId,
        bool mustBeVerified, CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, userId), ct) ?? throw new NotFound("The cooperative");
        if (!access.IsStaff) throw new Forbidden("Only the cooperative's staff can manage its products.");
        if (mustBeVerified && !access.IsVerified)
            throw new Forbidden(access.Status == CooperativeStatus.Suspended
                ? "The cooperative is suspended: it cannot list or publish products until it is reinstated."
                : "The cooperative must be verified by the programme team before it lists products.");
        return access;
    }

    /// <summary>The product of this cooperative; 404 when it does not exist or belongs to another one.</summary>
    public static Domain.Product OfCooperative(this Domain.Product? product, Guid cooperativeId) =>
        product is not null && product.CooperativeId == cooperativeId ? product : throw new NotFound("The product");

    /// <summary>Cooperative summaries by id (names in every language, province, status).</summary>
    public static async Task<IReadOnlyDictionary<Guid, CooperativeSummary>> CooperativesAsync(this IMediator mediator,
        IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0) return new Dictionary<Guid, CooperativeSummary>();
        var summaries = await mediator.Send(new GetCooperativeSummaries(distinct), ct);
        return summaries.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
    }
}
