using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;
using Marten;
using MediatR;

namespace Marketplace.Accounts.Integration;

internal sealed class FindUserByEmailHandler(IAccountsStore store) : IRequestHandler<FindUserByEmail, UserSummary?>
{
    public async Task<UserSummary?> Handle(FindUserByEmail query, CancellationToken ct)
    {
        var email = UserAccount.NormaliseEmail(query.Email);
        await using var session = store.QuerySession();
        var user = await session.Query<UserAccount>().SingleOrDefaultAsync(u => u.Email == email, ct);
        return user is null ? null : new UserSummary(user.Id, user.Email, user.DisplayName);
    }
}

internal sealed class GetUsersHandler(IAccountsStore store) : IRequestHandler<GetUsers, IReadOnlyList<UserSummary>>
{
    public async Task<IReadOnlyList<UserSummary>> Handle(GetUsers query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var users = await session.LoadManyAsync<UserAccount>(ct, query.Ids.Distinct());
        return users.Select(u => new UserSummary(u.Id, u.Email, u.DisplayName)).ToList();
    }
}
