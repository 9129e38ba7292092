using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

// Administrators move a cooperative along its lifecycle: verify, suspend, reinstate (requests of the Contracts, which
// the administration pages send too). Each answers the new status.

internal sealed class SuspendCooperativeValidator : AbstractValidator<SuspendCooperative>
{
    public SuspendCooperativeValidator() => RuleFor(x => x.Reason).MaximumLength(500);
}

internal sealed class ChangeStatusHandler(ICooperativesStore store, TimeProvider clock) :
    IRequestHandler<VerifyCooperative, string>,
    IRequestHandler<SuspendCooperative, string>,
    IRequestHandler<ReinstateCooperative, string>
{
    public Task<string> Handle(VerifyCooperative cmd, CancellationToken ct) =>
        ChangeAsync(cmd.CooperativeId, c => Lifecycle.Verify(c, cmd.AdminId, clock.GetUtcNow()), ct);

    public Task<string> Handle(SuspendCooperative cmd, CancellationToken ct) =>
        ChangeAsync(cmd.CooperativeId, c => Lifecycle.Suspend(c, cmd.AdminId, cmd.Reason?.Trim(), clock.GetUtcNow()), ct);

    public Task<string> Handle(ReinstateCooperative cmd, CancellationToken ct) =>
        ChangeAsync(cmd.CooperativeId, c => Lifecycle.Reinstate(c, cmd.AdminId, clock.GetUtcNow()), ct);

    private async Task<string> ChangeAsync(Guid id, Func<Cooperative, IReadOnlyList<object>> decide, CancellationToken ct) =>
        (await store.UpdateAsync(id, decide, ct)).StatusName;
}

internal static class ChangeStatusEndpoints
{
    internal sealed record Changed(Guid Id, string Status);
    internal sealed record SuspendBody(string? Reason);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/{id:guid}/verify", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new Changed(id, await mediator.Send(new VerifyCooperative(id, user.UserId()), ct))))
            .WithSummary("Verify a pending cooperative");
        admin.MapPost("/{id:guid}/suspend", async (Guid id, SuspendBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new Changed(id, await mediator.Send(new SuspendCooperative(id, user.UserId(), body?.Reason), ct))))
            .WithSummary("Suspend a verified cooperative: its products leave the shop");
        admin.MapPost("/{id:guid}/reinstate", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new Changed(id, await mediator.Send(new ReinstateCooperative(id, user.UserId()), ct))))
            .WithSummary("Reinstate a suspended cooperative: verified again");
    }
}
