using System.Security.Claims;
using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

/// <summary>
/// The annual assembly shares the year's surplus pro rata to the value of each member's supplies in its financial year:
/// the assembly's stream and every member's account change in one transaction, once (a second sharing is a conflict,
/// also when two staff press at once).
/// </summary>
internal sealed class ShareSurplusHandler(IEconomyStore store, EconomyAccess access, TimeProvider clock) : IRequestHandler<ShareSurplus, AssemblyRecord>
{
    public async Task<AssemblyRecord> Handle(ShareSurplus cmd, CancellationToken ct)
    {
        var register = await access.StaffAsync(cmd.CooperativeId, cmd.ActorId, ct);
        if (cmd.Amount is not { } amount) throw new ValidationFailed("amount", "amount is the surplus to share, in MAD.");
        if (amount <= 0 || amount > 100_000_000 || !Money.HasAtMostTwoDecimals(amount))
            throw new ValidationFailed("amount", "amount is more than zero, in MAD with at most 2 decimals.");
        return await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Assembly>(cmd.AssemblyId, ct);
            if (stream.Aggregate is not { } assembly || assembly.CooperativeId != cmd.CooperativeId) throw new NotFound("The assembly");
            var (first, last) = (new DateOnly(assembly.FinancialYear, 1, 1), new DateOnly(assembly.FinancialYear, 12, 31));
            var supplies = (await session.Query<MemberEntry>()
                    .Where(e => e.CooperativeId == cmd.CooperativeId && e.Kind == EntryKinds.Supply && e.Date >= first && e.Date <= last).ToListAsync(ct))
                .GroupBy(e => e.MemberId).Select(g => (MemberId: g.Key, SuppliesValue: g.Sum(e => e.Amount)))
                .OrderBy(s => register.Find(s.MemberId)?.FullName, StringComparer.InvariantCulture).ToList();
            var shared = AssemblyDecisions.ShareSurplus(assembly, Money.Mad(amount), supplies, cmd.ActorId, clock.GetUtcNow());
            stream.AppendOne(shared);
            foreach (var share in shared.Shares)
                await session.DecideAsync(share.MemberId, cmd.CooperativeId, _ =>
                [
                    new SurplusShareCredited(cmd.CooperativeId, share.MemberId, assembly.Id, assembly.Date, assembly.FinancialYear, share.SuppliesValue,
                        share.Amount, cmd.ActorId, shared.At),
                ], ct);
            await session.SaveChangesAsync(ct);
            return AssemblyViews.Of((await session.LoadAsync<Assembly>(assembly.Id, ct))!, register);
        }, ct);
    }
}

internal static class ShareSurplusEndpoint
{
    internal sealed record Body(JsonElement? Amount);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/assemblies/{assemblyId:guid}/surplus",
            async (Guid id, Guid assemblyId, Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ShareSurplus(id, user.UserId(), assemblyId, Inputs.Amount(b.Amount, "amount")), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Share the financial year's surplus among the members pro rata to their supplies (staff, once per assembly)");
}
