using System.Security.Claims;
using FluentValidation;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>The owner adds a registered user (by e-mail) to the cooperative's staff.</summary>
internal sealed record AddStaff(Guid CooperativeId, Guid OwnerId, string Email) : IRequest<StaffView>;

internal sealed record StaffView(Guid UserId, string? Email, string? DisplayName, string Role, DateTimeOffset AddedAt);

internal sealed class AddStaffValidator : AbstractValidator<AddStaff>
{
    public AddStaffValidator() => RuleFor(x => x.Email).NotEmpty().MaximumLength(254)
        .Matches(@"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$").WithMessage("'Email' is not a valid e-mail address.");
}

internal sealed class AddStaffHandler(ICooperativesStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<AddStaff, StaffView>
{
    public async Task<StaffView> Handle(AddStaff cmd, CancellationToken ct)
    {
        Access.RequireOwner(await store.LoadAsync(cmd.CooperativeId, ct), cmd.OwnerId); // refuse strangers before telling them who is registered
        var user = await mediator.Send(new FindUserByEmail(cmd.Email), ct)
            ?? throw new ValidationFailed("email", "No account is registered with this e-mail: ask them to register first, then add them.");
        var now = clock.GetUtcNow();
        await store.UpdateAsync(cmd.CooperativeId, c => Management.AddStaff(c, cmd.OwnerId, user.Id, user.Email, now), ct);
        return new StaffView(user.Id, user.Email, user.DisplayName, StaffRoles.Staff, now);
    }
}

internal static class StaffRoles
{
    public const string Owner = "owner";
    public const string Staff = "staff";
}

internal static class AddStaffEndpoint
{
    internal sealed record Body(string? Email);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/staff",
            async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var staff = await mediator.Send(new AddStaff(id, user.UserId(), body.Email ?? ""), ct);
                return TypedResults.Created($"/api/cooperatives/{id}/staff/{staff.UserId}", staff);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Add a registered user to the staff (owner only)");
}
