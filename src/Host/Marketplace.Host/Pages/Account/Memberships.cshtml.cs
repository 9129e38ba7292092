using Marketplace.BuildingBlocks;
using Marketplace.Economy.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account;

/// <summary>/account/memberships: the cooperatives where I am a member, with what each owes me; one of them: my statement.</summary>
[Authorize(Policy = Identity.Policies.SignedIn)]
public sealed class MembershipsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CooperativeId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MemberId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public IReadOnlyList<MyMembership> Memberships { get; private set; } = [];
    public MemberStatement? Statement { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Memberships = await mediator.Send(new GetMyMemberships(User.UserId()), ct);
        if (CooperativeId is not { } cooperative || MemberId is not { } member) return Page();
        if (!Memberships.Any(m => m.CooperativeId == cooperative && m.MemberId == member)) return NotFound();
        try { Statement = await mediator.Send(new GetMemberStatement(cooperative, User.UserId(), member, From, To), ct); }
        catch (ValidationFailed) { Statement = await mediator.Send(new GetMemberStatement(cooperative, User.UserId(), member, null, null), ct); }
        return Page();
    }
}
