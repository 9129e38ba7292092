using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account;

[AllowAnonymous]
public sealed class RegisterModel(IMediator mediator, Texts texts) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await mediator.Send(new RegisterUser(Email, Password, DisplayName, HttpContext.ClientAddress(), PageLanguage.Current), ct);
            await CookieSignIn.SignInAsync(HttpContext, await mediator.Send(new SignInWithPassword(Email, Password, HttpContext.ClientAddress()), ct));
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        catch (ValidationFailed failed) { ModelState.AddErrors(failed, new Dictionary<string, string> { ["email"] = texts["account.email"], ["password"] = texts["account.password"], ["displayName"] = texts["account.displayName"] }); }
        catch (DomainRuleViolated taken) when (taken.Code == "email_taken") { ModelState.AddModelError(nameof(Email), texts["account.signup.taken"]); }
        catch (TooManyAttempts) { Problem = texts["account.signup.tooMany"]; }
        return Page();
    }
}
