using Marketplace.Cooperatives.Contracts;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>
/// /invitations/{token}: where a fair's invitation (its e-mail, SMS or stand's QR code) leads: to apply with the
/// exhibitor's details filled in, or, once its cooperative is verified, straight to its shop.
/// </summary>
public sealed class InvitationModel(IMediator mediator) : PageModel
{
    public Invitation Invitation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await mediator.Send(new GetInvitation(token), ct) is not { } invitation) return NotFound();
        if (invitation.CooperativeId is { } id
            && (await mediator.Send(new GetCooperativeSummaries([id]), ct)).SingleOrDefault()?.Status == CooperativeStatus.Verified)
            return Redirect($"/cooperatives/{id}");
        Invitation = invitation;
        return Page();
    }
}
