using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account;

/// <summary>/account/notifications: the language of my e-mails, and whether I accept the cooperatives' news (marketing).</summary>
[Authorize(Policy = Identity.Policies.SignedIn)]
public sealed class NotificationsModel(IMediator mediator, Texts texts) : PageModel
{
    public static readonly string[] Languages = ["ar", "fr", "en"];

    [BindProperty] public bool Marketing { get; set; }
    [BindProperty] public string? Language { get; set; }
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await mediator.Send(new GetNotificationSettings(User.UserId()), ct);
        (Marketing, Language) = (settings.Marketing, settings.Language);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await mediator.Send(new ChangeNotificationSettings(User.UserId(), Marketing, Language), ct);
            Done = texts["account.notifications.saved"];
            return RedirectToPage();
        }
        catch (ValidationFailed) { ModelState.AddModelError(nameof(Language), texts["account.notifications.language.invalid"]); }
        return Page();
    }
}
