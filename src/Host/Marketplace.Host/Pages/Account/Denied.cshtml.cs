using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account;

/// <summary>
/// Where the sign-in cookie sends a signed-in person who may not see a page (its AccessDeniedPath): the 403 page,
/// with the status 403.
/// </summary>
[ResponseCache(NoStore = true)]
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
