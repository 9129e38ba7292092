using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>Staff correct a member's details (a new role after an election, shares bought...).</summary>
internal sealed record UpdateMember(Guid CooperativeId, Guid ActorId, Guid MemberId, string? FullName, string? Role, string? JoinedOn,
    string? Gender, int? SharesSubscribed, string? Phone = null, string? UserEmail = null) : IRequest<MemberView>, IMemberInput;

internal sealed class UpdateMemberValidator(TimeProvider clock) : MemberInputValidator<UpdateMember>(clock);

internal sealed class UpdateMemberHandler(ICooperativesStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<UpdateMember, MemberView>
{
    public async Task<MemberView> Handle(UpdateMember cmd, CancellationToken ct)
    {
        var account = await cmd.FindAccountAsync(await store.LoadAsync(cmd.CooperativeId, ct), cmd.ActorId, mediator, ct);
        var cooperative = await store.UpdateAsync(cmd.CooperativeId,
            c => Management.UpdateMember(c, cmd.ActorId, cmd.MemberId, cmd.ToDetails(account), clock.GetUtcNow()), ct);
        return MemberView.Of(cooperative.Members.Single(m => m.Id == cmd.MemberId));
    }
}

internal static class UpdateMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPut("/{id:guid}/members/{memberId:guid}",
            async (Guid id, Guid memberId, AddMemberEndpoint.Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new UpdateMember(id, user.UserId(), memberId, b.FullName, b.Role, b.JoinedOn, b.Gender, b.SharesHeld, b.Phone, b.UserEmail), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Update a member's details (staff)");
}
