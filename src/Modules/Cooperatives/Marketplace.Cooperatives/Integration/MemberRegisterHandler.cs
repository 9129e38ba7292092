using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marten;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

/// <summary>The members' register for the members' economy, and the memberships of an account.</summary>
internal sealed class MemberRegisterHandler(ICooperativesStore store) :
    IRequestHandler<GetMemberRegister, MemberRegister?>,
    IRequestHandler<GetMembershipsOfUser, IReadOnlyList<Membership>>,
    IRequestHandler<GetWomenLedCooperatives, IReadOnlySet<Guid>>
{
    public async Task<MemberRegister?> Handle(GetMemberRegister query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var cooperative = await session.LoadAsync<Cooperative>(query.CooperativeId, ct);
        if (cooperative is null) return null;
        return new MemberRegister(cooperative.Id, cooperative.Name, cooperative.Members.Select(m =>
            new RegisteredMember(m.Id, m.FullName, m.Role, m.JoinedOn, m.LeftOn, m.Gender, m.SharesSubscribed ?? 0, m.Phone, m.UserId)).ToList());
    }

    public async Task<IReadOnlyList<Membership>> Handle(GetMembershipsOfUser query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var cooperatives = await session.Query<Cooperative>().Where(c => c.Members.Any(m => m.UserId == query.UserId)).ToListAsync(ct);
        return cooperatives.SelectMany(c => c.Members.Where(m => m.UserId == query.UserId)
            .Select(m => new Membership(c.Id, c.Name, m.Id, m.FullName))).ToList();
    }

    public async Task<IReadOnlySet<Guid>> Handle(GetWomenLedCooperatives query, CancellationToken ct)
    {
        if (query.CooperativeIds.Count == 0) return new HashSet<Guid>();
        await using var session = store.QuerySession();
        var cooperatives = await session.LoadManyAsync<Cooperative>(ct, query.CooperativeIds.Distinct().ToArray());
        return cooperatives.Where(c => c.WomenLedDeclared ?? BoardIsWomenLed(c.Members)).Select(c => c.Id).ToHashSet();
    }

    public static bool BoardIsWomenLed(IReadOnlyList<Member> members)
    {
        var board = members.Where(m => m.IsCurrent && Management.Offices.Contains(m.Role)).ToList();
        return board.Any(m => m.Role == MemberRoles.President && m.Gender == "female") || board.Count(m => m.Gender == "female") * 2 > board.Count;
    }
}
