using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// The accounts: find one by e-mail or name, make or unmake an administrator, suspend or reinstate. A change takes
/// effect at the person's next request (their sessions carry the account's stamp).
/// </summary>
public sealed class UsersModel(IMediator mediator, Texts texts) : AdminPage
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Guid UserId { get; set; }

    public ManagedUsers Users { get; private set; } = new([], 0, 1, PageSize);
    public AdminPager Pager => new(Users.Page, Users.PageSize, Users.Total, p => Link(Q, p));
    public Guid Me => AdminId;

    public async Task OnGetAsync(CancellationToken ct) =>
        Users = await mediator.Send(new ListUsers(Q?.Length > 254 ? Q[..254] : Q, QueryPage, PageSize), ct);

    public Task<IActionResult> OnPostMakeAdminAsync(CancellationToken ct) => ChangeAsync(user =>
        new SetUserRoles(user.Id, [.. user.Roles, Identity.Roles.Admin], AdminId), "admin.users.madeadmin", ct);

    public Task<IActionResult> OnPostRemoveAdminAsync(CancellationToken ct) => ChangeAsync(user =>
        new SetUserRoles(user.Id, user.Roles.Where(r => r != Identity.Roles.Admin).ToList(), AdminId), "admin.users.removedadmin", ct);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken ct) =>
        ChangeAsync(user => new SuspendUser(user.Id, AdminId), "admin.users.suspended", ct);

    public Task<IActionResult> OnPostReinstateAsync(CancellationToken ct) =>
        ChangeAsync(user => new ReinstateUser(user.Id, AdminId), "admin.users.reinstated", ct);

    private async Task<IActionResult> ChangeAsync(Func<ManagedUser, IRequest<ManagedUser>> command, string done, CancellationToken ct)
    {
        var user = (await mediator.Send(new GetManagedUser(UserId), ct)) ?? throw new NotFound("The account");
        try { Notice = texts[done, (await mediator.Send(command(user), ct)).Email]; }
        catch (DomainRuleViolated refused) { Notice = texts["admin.users.refused." + refused.Code]; }
        return Redirect(Link(Q, QueryPage));
    }

    private static string Link(string? q, int page) => QueryHelpers.AddQueryString("/admin/users", new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(q) ? null : q, ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(p => p.Value is not null));
}
