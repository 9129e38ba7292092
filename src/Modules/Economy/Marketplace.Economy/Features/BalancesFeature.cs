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

/// <summary>The members with what the cooperative owes each (staff), and a member's own memberships with her balance.</summary>
internal sealed class BalancesHandler(IEconomyStore store, EconomyAccess access, IMediator mediator) :
    IRequestHandler<GetMemberBalances, MemberBalances>,
    IRequestHandler<GetMyMemberships, IReadOnlyList<MyMembership>>
{
    public async Task<MemberBalances> Handle(GetMemberBalances query, CancellationToken ct)
    {
        var register = await access.StaffAsync(query.CooperativeId, query.ViewerId, ct);
        await using var session = store.QuerySession();
        var accounts = (await session.Query<MemberAccount>().Where(a => a.CooperativeId == query.CooperativeId).ToListAsync(ct)).ToDictionary(a => a.Id);
        var members = register.Members
            .Select(m => (Member: m, Account: accounts.GetValueOrDefault(m.Id) ?? MemberAccount.Empty(m.Id, query.CooperativeId)))
            .OrderByDescending(x => x.Member.LeftOn is null).ThenBy(x => x.Member.FullName, StringComparer.InvariantCulture)
            .Select(x => new MemberBalance(x.Member.Id, x.Member.FullName, x.Member.Role, x.Member.LeftOn is null, x.Member.Shares,
                x.Member.UserId is not null, Inputs.Mad(x.Account.Supplied.Amount), Inputs.Mad(x.Account.Paid.Amount), Inputs.Mad(x.Account.Surplus.Amount),
                Inputs.Mad(x.Account.Balance.Amount), x.Account.LastSupply))
            .ToList();
        return new MemberBalances(members, Inputs.Mad(members.Where(m => m.Balance.Amount > 0).Sum(m => m.Balance.Amount)),
            Inputs.Mad(-members.Where(m => m.Balance.Amount < 0).Sum(m => m.Balance.Amount)));
    }

    public async Task<IReadOnlyList<MyMembership>> Handle(GetMyMemberships query, CancellationToken ct)
    {
        var memberships = await mediator.Send(new GetMembershipsOfUser(query.UserId), ct);
        if (memberships.Count == 0) return [];
        await using var session = store.QuerySession();
        var ids = memberships.Select(m => m.MemberId).ToArray();
        var accounts = (await session.LoadManyAsync<MemberAccount>(ct, ids)).ToDictionary(a => a.Id);
        return memberships.Select(m => new MyMembership(m.CooperativeId, m.CooperativeName, m.MemberId, m.FullName,
            Inputs.Mad(accounts.GetValueOrDefault(m.MemberId)?.Balance.Amount ?? 0m))).ToList();
    }
}

internal static class BalancesEndpoints
{
    public static void MapCooperative(RouteGroupBuilder group) => group.MapGet("/{id:guid}/members/balances",
            async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMemberBalances(id, user.UserId()), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("The members with what the cooperative owes each, and the total owed (staff)");

    public static void MapMine(IEndpointRouteBuilder app) => app.MapGet("/api/accounts/me/memberships",
            async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new { items = await mediator.Send(new GetMyMemberships(user.UserId()), ct) }))
        .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Members' economy")
        .WithSummary("The cooperatives where the signed-in user is a member, with her balance in each");
}
