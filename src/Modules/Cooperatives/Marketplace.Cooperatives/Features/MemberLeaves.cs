using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>Staff mark a member as having left the cooperative (on a given day, today by default). The record stays.</summary>
internal sealed record MemberLeaves(Guid CooperativeId, Guid ActorId, Guid MemberId, string? LeftOn) : IRequest<MemberView>;

internal sealed class MemberLeavesValidator : AbstractValidator<MemberLeaves>
{
    public MemberLeavesValidator(TimeProvider clock) => RuleFor(x => x.LeftOn)
        .Must(d => d is null || MemberInputs.ParseDate(d) is not null).WithMessage("leftOn is a date: yyyy-MM-dd.")
        .Must(d => MemberInputs.ParseDate(d) is not { } day || day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
        .WithMessage("leftOn cannot be in the future.");
}

internal sealed class MemberLeavesHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<MemberLeaves, MemberView>
{
    public async Task<MemberView> Handle(MemberLeaves cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leftOn = MemberInputs.ParseDate(cmd.LeftOn) ?? DateOnly.FromDateTime(now.UtcDateTime);
        var cooperative = await store.UpdateAsync(cmd.CooperativeId, c => Management.MemberLeaves(c, cmd.ActorId, cmd.MemberId, leftOn, now), ct);
        return MemberView.Of(cooperative.Members.Single(m => m.Id == cmd.MemberId));
    }
}

internal static class MemberLeavesEndpoint
{
    internal sealed record Body(string? LeftOn);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/members/{memberId:guid}/leave",
            async (Guid id, Guid memberId, Body? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MemberLeaves(id, user.UserId(), memberId, body?.LeftOn), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Mark a member as having left (staff)");
}
