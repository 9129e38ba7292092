using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(IMediator mediator, Texts texts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var user = await mediator.Send(new SignInWithPassword(Email, Password, HttpContext.ClientAddress()), ct);
            await CookieSignIn.SignInAsync(HttpContext, user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        catch (ValidationFailed failed) { ModelState.AddErrors(failed, new Dictionary<string, string> { ["email"] = texts["account.email"], ["password"] = texts["account.password"] }); }
        catch (Unauthenticated) { Problem = texts["account.signin.wrong"]; }
        catch (TooManyAttempts) { Problem = texts["account.signin.locked"]; }
        catch (Forbidden) { Problem = texts["account.signin.suspended"]; }
        return Page();
    }
}

/// <summary>The cookie of the web pages carries the same claims as an access token.</summary>
internal static class CookieSignIn
{
    public static Task SignInAsync(HttpContext context, SignedInUser user) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new System.Security.Claims.ClaimsPrincipal(
            Identity.ClaimsOf(user.Id, user.Email, user.DisplayName, user.Roles, user.Stamp, CookieAuthenticationDefaults.AuthenticationScheme)));
}
