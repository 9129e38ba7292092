using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Marten;
using MediatR;

namespace Marketplace.Accounts.Integration;

internal sealed class GetContactsHandler(IAccountsStore store) : IRequestHandler<GetContacts, IReadOnlyList<Contact>>
{
    public async Task<IReadOnlyList<Contact>> Handle(GetContacts query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var users = await session.LoadManyAsync<UserAccount>(ct, query.Ids.Distinct());
        return users.Where(u => !u.IsSuspended).Select(Contacts.Of).ToList();
    }
}

internal sealed class GetAdministratorContactsHandler(IAccountsStore store) : IRequestHandler<GetAdministratorContacts, IReadOnlyList<Contact>>
{
    public async Task<IReadOnlyList<Contact>> Handle(GetAdministratorContacts query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var admins = await session.Query<UserAccount>().Where(u => u.Roles.Contains(Identity.Roles.Admin) && u.SuspendedAt == null)
            .ToListAsync(ct);
        return admins.Select(Contacts.Of).ToList();
    }
}

internal static class Contacts
{
    public static Contact Of(UserAccount u) => new(u.Id, u.Email, u.DisplayName, u.LanguageOrDefault, u.Marketing);
}
