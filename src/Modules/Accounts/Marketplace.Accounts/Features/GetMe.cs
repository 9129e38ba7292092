using System.Security.Claims;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Accounts.Features;

internal sealed record GetMe(Guid UserId) : IRequest<GetMe.Me>
{
    internal sealed record Me(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> CooperativeIds);
}

internal sealed class GetMeHandler(IAccountsStore store, IMediator mediator) : IRequestHandler<GetMe, GetMe.Me>
{
    public async Task<GetMe.Me> Handle(GetMe query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var user = await session.LoadAsync<UserAccount>(query.UserId, ct) ?? throw new NotFound("The account");
        var cooperatives = await mediator.Send(new GetCooperativesOfUser(user.Id), ct);
        var roles = cooperatives.Count > 0 ? user.Roles.Append(Identity.Roles.CooperativeStaff).ToList() : user.Roles;
        return new GetMe.Me(user.Id, user.Email, user.DisplayName, roles, cooperatives);
    }
}

internal static class GetMeEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/me",
            async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMe(user.UserId()), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Who I am: roles and the cooperatives I work for");
}
