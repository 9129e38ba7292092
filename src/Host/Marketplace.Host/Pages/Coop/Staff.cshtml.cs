using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>Who works in the cooperative space. The owner adds a registered user by e-mail and removes staff.</summary>
public sealed class StaffModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    [BindProperty] public string? Email { get; set; }
    public IReadOnlyList<CooperativeStaffMember> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Staff = await Mediator.Send(new GetCooperativeStaff(Id, UserId), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var added = await Mediator.Send(new AddCooperativeStaff(Id, UserId, Email), ct);
            return Confirm(T["coop.staff.added", added.DisplayName ?? added.Email ?? ""]);
        }
        catch (ValidationFailed failed)
        {
            ModelState.AddModuleErrors(failed, T, special: (field, message) =>
                field == "email" && message.StartsWith("No account", StringComparison.Ordinal) ? "coop.error.email.unknown" : null);
        }
        catch (DomainRuleViolated already) when (already.Code == "already_staff") { ModelState.AddModelError(nameof(Email), T["coop.error.email.already"]); }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken ct)
    {
        var name = (await Mediator.Send(new GetCooperativeStaff(Id, UserId), ct)).FirstOrDefault(s => s.UserId == userId) is { } s
            ? s.DisplayName ?? s.Email ?? "" : "";
        await Mediator.Send(new RemoveCooperativeStaff(Id, UserId, userId), ct);
        return Confirm(T["coop.staff.removed", name]);
    }
}
