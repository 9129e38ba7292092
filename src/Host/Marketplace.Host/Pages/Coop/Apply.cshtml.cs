using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Coop;

/// <summary>A signed-in user applies for a cooperative (Cooperatives' ApplyForCooperative) and becomes its owner; it waits for verification.</summary>
public sealed class ApplyModel(IMediator mediator, Texts texts) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();

    /// <summary>The fair's invitation the exhibitor applies with (?invitation=): its details fill the form in.</summary>
    [BindProperty(SupportsGet = true)] public string? Invitation { get; set; }
    public Invitation? Invited { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Invitation is null) return Page();
        if ((Invited = await mediator.Send(new GetInvitation(Invitation), ct)) is not { } i) return NotFound();
        if (i.CooperativeId is not null) return Redirect($"/invitations/{Uri.EscapeDataString(i.Token)}");
        var arabic = i.Name.Any(c => c is >= '\u0600' and <= '\u06FF');
        if (arabic) Input.NameAr = i.Name; else Input.NameFr = i.Name;
        (Input.Province, Input.Sectors, Input.ContactEmail, Input.Phone) = (i.Province, i.Sector, i.Email, i.Phone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var id = await mediator.Send(new ApplyForCooperative(User.UserId(), Languages(Input.NameAr, Input.NameFr, Input.NameEn),
                Input.RegistrationNumber ?? "", Input.Province ?? "",
                (Input.Sectors ?? "").Split([',', '،', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Input.ContactEmail ?? "", Input.Phone ?? "", Languages(Input.DescriptionAr, Input.DescriptionFr, Input.DescriptionEn),
                string.IsNullOrWhiteSpace(Invitation) ? null : Invitation), ct);
            TempData[nameof(CoopPageModel.Done)] = texts["coop.apply.done"];
            return Redirect($"/coop/{id}");
        }
        catch (ValidationFailed failed) when (failed.Errors.ContainsKey("invitation"))
        {
            ModelState.AddModelError("", texts["coop.apply.invitation.unknown"]);
        }
        catch (DomainRuleViolated used) when (used.Code == "invitation_used") { ModelState.AddModelError("", texts["coop.apply.invitation.used"]); }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, texts, "Input."); }
        catch (DomainRuleViolated taken) when (taken.Code == "registration_number_taken")
        {
            ModelState.AddModelError("Input.RegistrationNumber", texts["coop.error.registrationNumber.taken"]);
        }
        if (Invitation is not null) Invited = await mediator.Send(new GetInvitation(Invitation), ct);
        return Page();
    }

    private static Dictionary<string, string> Languages(string? ar, string? fr, string? en) =>
        new[] { ("ar", ar), ("fr", fr), ("en", en) }.Where(t => !string.IsNullOrWhiteSpace(t.Item2))
            .ToDictionary(t => t.Item1, t => t.Item2!.Trim());
}

public sealed class ApplicationInput
{
    public string? Name { get; set; } // the errors of the whole name (no language given)
    public string? NameAr { get; set; }
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? Province { get; set; }
    public string? Sectors { get; set; }
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    public string? Description { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionEn { get; set; }
}
