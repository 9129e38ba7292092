using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

internal static class AssemblyViews
{
    public static AssemblyRecord Of(Assembly a, MemberRegister register)
    {
        Attendee Name(Guid id) => new(id, register.Find(id)?.FullName ?? "");
        var surplus = a.Surplus is { } s
            ? new SurplusRecord(Inputs.Mad(s.Amount.Amount), Inputs.Mad(s.SuppliesValue.Amount),
                s.Shares.Select(x => new SurplusShareLine(x.MemberId, Name(x.MemberId).FullName, Inputs.Mad(x.SuppliesValue.Amount), Inputs.Mad(x.Amount.Amount)))
                    .OrderByDescending(x => x.Amount.Amount).ToList(), s.At)
            : null;
        return new AssemblyRecord(a.Id, a.CooperativeId, a.Date, a.Kind, a.FinancialYear, a.Present.Select(Name).ToList(),
            a.Represented.Select(Name).ToList(), a.MembersOnDate, a.QuorumRequired, a.QuorumMet,
            a.Decisions.Select(d => new DecisionRecord(d.Text, d.For, d.Against, d.Abstain, d.Adopted)).ToList(), a.Minutes, surplus, a.RecordedAt);
    }
}

/// <summary>The cooperative's assemblies (staff).</summary>
internal sealed class GetAssembliesHandler(IEconomyStore store, EconomyAccess access) :
    IRequestHandler<GetAssemblies, IReadOnlyList<AssemblyRecord>>,
    IRequestHandler<GetAssembly, AssemblyRecord>
{
    public async Task<IReadOnlyList<AssemblyRecord>> Handle(GetAssemblies query, CancellationToken ct)
    {
        var register = await access.StaffAsync(query.CooperativeId, query.ViewerId, ct);
        await using var session = store.QuerySession();
        var assemblies = await session.Query<Assembly>().Where(a => a.CooperativeId == query.CooperativeId)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        return assemblies.Select(a => AssemblyViews.Of(a, register)).ToList();
    }

    public async Task<AssemblyRecord> Handle(GetAssembly query, CancellationToken ct)
    {
        var register = await access.StaffAsync(query.CooperativeId, query.ViewerId, ct);
        await using var session = store.QuerySession();
        var assembly = await session.LoadAsync<Assembly>(query.AssemblyId, ct);
        if (assembly is null || assembly.CooperativeId != query.CooperativeId) throw new NotFound("The assembly");
        return AssemblyViews.Of(assembly, register);
    }
}

internal static class AssemblyQueryEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/assemblies", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new { items = await mediator.Send(new GetAssemblies(id, user.UserId()), ct) }))
            .RequireAuthorization(Identity.Policies.SignedIn).WithSummary("The cooperative's general assemblies, latest first (staff)");
        group.MapGet("/{id:guid}/assemblies/{assemblyId:guid}", async (Guid id, Guid assemblyId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAssembly(id, user.UserId(), assemblyId), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithSummary("A general assembly's record (staff)");
    }
}
