using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Features;
using Marketplace.Cooperatives.Storage;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

// The cooperative space's requests (Contracts/CooperativeSpace.cs): each one sends the module's own use case, so the
// pages and the HTTP API go through the same validators, access rules and decisions.

internal sealed class CooperativeMembersHandler(IMediator mediator, ICooperativesStore store) :
    IRequestHandler<GetCooperativeMembers, CooperativeMemberList>,
    IRequestHandler<GetCooperativeMember, CooperativeMember>,
    IRequestHandler<AddCooperativeMember, CooperativeMember>,
    IRequestHandler<UpdateCooperativeMember, CooperativeMember>,
    IRequestHandler<MarkCooperativeMemberLeft, CooperativeMember>
{
    public async Task<CooperativeMemberList> Handle(GetCooperativeMembers query, CancellationToken ct)
    {
        var list = await mediator.Send(new GetMembers(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin, CurrentOnly: false,
            PageRequest.From(query.Page, query.PageSize)), ct);
        var c = list.Counts;
        return new CooperativeMemberList(list.Items.Select(Of).ToList(), list.Total, list.Page, list.PageSize,
            new CooperativeMemberCounts(c.Current, c.Left, c.ByRole, c.ByGender, c.SharesSubscribed));
    }

    public async Task<CooperativeMember> Handle(GetCooperativeMember query, CancellationToken ct)
    {
        var cooperative = await store.LoadAsync(query.CooperativeId, ct);
        Access.RequireStaffOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        return Of(MemberView.Of(cooperative.Members.FirstOrDefault(m => m.Id == query.MemberId) ?? throw new NotFound("The member")));
    }

    public async Task<CooperativeMember> Handle(AddCooperativeMember cmd, CancellationToken ct) => Of(await mediator.Send(
        new AddMember(cmd.CooperativeId, cmd.ActorId, cmd.FullName, cmd.Role, cmd.JoinedOn, cmd.Gender, cmd.SharesSubscribed, cmd.Phone, cmd.UserEmail), ct));

    public async Task<CooperativeMember> Handle(UpdateCooperativeMember cmd, CancellationToken ct) => Of(await mediator.Send(
        new UpdateMember(cmd.CooperativeId, cmd.ActorId, cmd.MemberId, cmd.FullName, cmd.Role, cmd.JoinedOn, cmd.Gender, cmd.SharesSubscribed,
            cmd.Phone, cmd.UserEmail), ct));

    public async Task<CooperativeMember> Handle(MarkCooperativeMemberLeft cmd, CancellationToken ct) =>
        Of(await mediator.Send(new MemberLeaves(cmd.CooperativeId, cmd.ActorId, cmd.MemberId, cmd.LeftOn), ct));

    private static CooperativeMember Of(MemberView m) =>
        new(m.Id, m.FullName, m.Role, m.JoinedOn, m.LeftOn, m.Gender, m.SharesSubscribed, m.IsCurrent, m.Phone, m.UserEmail);
}

internal sealed class CooperativeStaffHandler(IMediator mediator) :
    IRequestHandler<GetCooperativeStaff, IReadOnlyList<CooperativeStaffMember>>,
    IRequestHandler<AddCooperativeStaff, CooperativeStaffMember>,
    IRequestHandler<RemoveCooperativeStaff, Unit>
{
    public async Task<IReadOnlyList<CooperativeStaffMember>> Handle(GetCooperativeStaff query, CancellationToken ct)
    {
        var staff = await mediator.Send(new GetStaff(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin,
            new PageRequest(1, int.MaxValue)), ct);
        return staff.Items.Select(Of).ToList();
    }

    public async Task<CooperativeStaffMember> Handle(AddCooperativeStaff cmd, CancellationToken ct) =>
        Of(await mediator.Send(new AddStaff(cmd.CooperativeId, cmd.OwnerId, cmd.Email?.Trim() ?? ""), ct));

    public Task<Unit> Handle(RemoveCooperativeStaff cmd, CancellationToken ct) =>
        mediator.Send(new RemoveStaff(cmd.CooperativeId, cmd.OwnerId, cmd.UserId), ct);

    private static CooperativeStaffMember Of(StaffView s) => new(s.UserId, s.Email, s.DisplayName, s.Role, s.AddedAt);
}

internal sealed class CooperativePayoutAccountHandler(IMediator mediator, ICooperativesStore store) :
    IRequestHandler<ViewCooperativePayoutAccount, CooperativePayoutAccount?>,
    IRequestHandler<SetCooperativePayoutAccount, CooperativePayoutAccount>
{
    public async Task<CooperativePayoutAccount?> Handle(ViewCooperativePayoutAccount query, CancellationToken ct)
    {
        var cooperative = await store.LoadAsync(query.CooperativeId, ct); // 404 for an unknown cooperative
        Access.RequireOwnerOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        return cooperative.Payout is null ? null
            : Of(await mediator.Send(new ViewPayoutAccount(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin), ct));
    }

    public async Task<CooperativePayoutAccount> Handle(SetCooperativePayoutAccount cmd, CancellationToken ct) =>
        Of(await mediator.Send(new SetPayoutAccount(cmd.CooperativeId, cmd.OwnerId, cmd.Method, cmd.Rib, cmd.StripeAccountId), ct));

    private static CooperativePayoutAccount Of(PayoutAccountView v) => new(v.Method, v.Rib, v.StripeAccountId, v.SetAt, v.OnHoldUntil, v.OnHold);
}
