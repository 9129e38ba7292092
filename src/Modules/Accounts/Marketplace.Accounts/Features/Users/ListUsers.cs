using FluentValidation;
using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Accounts.Features.Users;

internal sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator() => RuleFor(x => x.Q).MaximumLength(254);
}

internal sealed class ListUsersHandler(IAccountsStore store) : IRequestHandler<ListUsers, ManagedUsers>
{
    public async Task<ManagedUsers> Handle(ListUsers query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        IQueryable<UserAccount> users = session.Query<UserAccount>();
        if (query.Q?.Trim() is { Length: > 0 } q)
        {
            var email = UserAccount.NormaliseEmail(q);
            users = users.Where(u => u.Email.Contains(email) || u.DisplayName.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        var total = await users.CountAsync(ct);
        var items = await users.OrderByDescending(u => u.RegisteredAt).ThenBy(u => u.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new ManagedUsers(items.Select(UserViews.Managed).ToList(), total, query.Page, query.PageSize);
    }
}

internal sealed class GetManagedUserHandler(IAccountsStore store) : IRequestHandler<GetManagedUser, ManagedUser?>
{
    public async Task<ManagedUser?> Handle(GetManagedUser query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserAccount>(query.UserId, ct) is { } user ? UserViews.Managed(user) : null;
    }
}

internal static class ListUsersEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/", async (string? q, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
        {
            var paging = PageRequest.From(page, pageSize);
            return TypedResults.Ok(await mediator.Send(new ListUsers(q, paging.Page, paging.PageSize), ct));
        })
        .WithSummary("Accounts, newest first; ?q= searches e-mails and names");
}
