using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>Staff record a member of the cooperative (governance): full name, role, joined on, gender and shares if known.</summary>
internal sealed record AddMember(Guid CooperativeId, Guid ActorId, string? FullName, string? Role, string? JoinedOn, string? Gender,
    int? SharesSubscribed, string? Phone = null, string? UserEmail = null) : IRequest<MemberView>, IMemberInput;

internal sealed class AddMemberValidator(TimeProvider clock) : MemberInputValidator<AddMember>(clock);

internal sealed class AddMemberHandler(ICooperativesStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<AddMember, MemberView>
{
    public async Task<MemberView> Handle(AddMember cmd, CancellationToken ct)
    {
        var memberId = Guid.CreateVersion7();
        var account = await cmd.FindAccountAsync(await store.LoadAsync(cmd.CooperativeId, ct), cmd.ActorId, mediator, ct);
        var cooperative = await store.UpdateAsync(cmd.CooperativeId,
            c => Management.AddMember(c, cmd.ActorId, memberId, cmd.ToDetails(account), clock.GetUtcNow()), ct);
        return MemberView.Of(cooperative.Members.Single(m => m.Id == memberId));
    }
}

internal static class AddMemberEndpoint
{
    /// <param name="Shares">API.md's name for <paramref name="SharesSubscribed"/> (either is read; shares first).</param>
    internal sealed record Body(string? FullName, string? Role, string? JoinedOn, string? Gender, int? SharesSubscribed, int? Shares,
        string? Phone, string? UserEmail)
    {
        public int? SharesHeld => Shares ?? SharesSubscribed;
    }

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/members",
            async (Guid id, Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var member = await mediator.Send(new AddMember(id, user.UserId(), b.FullName, b.Role, b.JoinedOn, b.Gender, b.SharesHeld, b.Phone, b.UserEmail), ct);
                return TypedResults.Created($"/api/cooperatives/{id}/members/{member.Id}", member);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Add a member of the cooperative (staff)");
}
