using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;

namespace Marketplace.Accounts.Features.Users;

internal static class UserViews
{
    public static ManagedUser Managed(UserAccount u) =>
        new(u.Id, u.Email, u.DisplayName, u.Roles, u.IsSuspended, u.RegisteredAt, u.SuspendedAt);
}
