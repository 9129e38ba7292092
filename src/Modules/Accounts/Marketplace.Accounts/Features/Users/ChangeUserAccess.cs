using System.Security.Claims;
using FluentValidation;
using Marketplace.Accounts.Auth;
using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Marketplace.Accounts.Features.Users;

// Administrators change what an account may do: its roles, its suspension. Each change gives the account a new
// security stamp, so that its sessions are checked again at their next request (SessionCheck).

internal sealed class SetUserRolesValidator : AbstractValidator<SetUserRoles>
{
    public SetUserRolesValidator() => RuleFor(x => x.Roles).NotNull().Must(r => r is null || r.Count <= 5)
        .ForEach(role => role.Must(r => UserAccount.PlatformRoles.Contains(r)).WithMessage($"A role is one of: {string.Join(", ", UserAccount.PlatformRoles)}."));
}

internal sealed class ChangeUserAccessHandler(IAccountsStore store, SessionCheck sessions, TimeProvider clock, ILogger<ChangeUserAccessHandler> logger) :
    IRequestHandler<SetUserRoles, ManagedUser>, IRequestHandler<SuspendUser, ManagedUser>, IRequestHandler<ReinstateUser, ManagedUser>
{
    public Task<ManagedUser> Handle(SetUserRoles cmd, CancellationToken ct) => ChangeAsync(cmd.UserId, cmd.AdminId, "roles", user =>
    {
        var roles = UserAccount.PlatformRoles.Where(r => r == Identity.Roles.Shopper || cmd.Roles!.Contains(r)).ToList();
        if (user.Id == cmd.AdminId && !roles.Contains(Identity.Roles.Admin))
            throw new DomainRuleViolated("own_admin_role", "You cannot take your own administrator role away: ask another administrator.");
        if (roles.SequenceEqual(user.Roles)) return false;
        user.Roles = roles;
        return true;
    }, ct);

    public Task<ManagedUser> Handle(SuspendUser cmd, CancellationToken ct) => ChangeAsync(cmd.UserId, cmd.AdminId, "suspension", user =>
    {
        if (user.Id == cmd.AdminId) throw new DomainRuleViolated("own_account", "You cannot suspend your own account.");
        if (user.IsSuspended) return false;
        user.SuspendedAt = clock.GetUtcNow();
        return true;
    }, ct);

    public Task<ManagedUser> Handle(ReinstateUser cmd, CancellationToken ct) => ChangeAsync(cmd.UserId, cmd.AdminId, "reinstatement", user =>
    {
        if (!user.IsSuspended) return false;
        user.SuspendedAt = null;
        return true;
    }, ct);

    /// <summary>Applies <paramref name="change"/> (false: nothing to change, the same answer again) under optimistic concurrency.</summary>
    private async Task<ManagedUser> ChangeAsync(Guid userId, Guid adminId, string what, Func<UserAccount, bool> change, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var user = await session.LoadAsync<UserAccount>(userId, ct) ?? throw new NotFound("The account");
        if (!change(user)) return UserViews.Managed(user);
        user.SecurityStamp = UserAccount.NewStamp();
        session.Update(user);
        await session.SaveChangesAsync(ct);
        sessions.Forget(user.Id);
        logger.LogInformation("Administrator {AdminId} changed the {What} of account {UserId}: roles {Roles}, suspended {Suspended}",
            adminId, what, user.Id, string.Join(",", user.Roles), user.IsSuspended);
        return UserViews.Managed(user);
    }
}

internal static class ChangeUserAccessEndpoints
{
    internal sealed record RolesBody(IReadOnlyList<string>? Roles);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/{id:guid}/roles", async (Guid id, RolesBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUserRoles(id, body.Roles, user.UserId()), ct)))
            .WithSummary("Set an account's platform roles (shopper is always kept); effective at its next request");
        admin.MapPost("/{id:guid}/suspend", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SuspendUser(id, user.UserId()), ct)))
            .WithSummary("Suspend an account: no sign-in, its sessions end at their next request");
        admin.MapPost("/{id:guid}/reinstate", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReinstateUser(id, user.UserId()), ct)))
            .WithSummary("Lift an account's suspension");
    }
}
