using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Members;

/// <summary>One member: correct their details, or record that they left the cooperative (the record stays).</summary>
public sealed class EditModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    [BindProperty(SupportsGet = true)] public Guid MemberId { get; set; }
    [BindProperty] public MemberInput Input { get; set; } = new();
    [BindProperty] public string? LeftOn { get; set; }
    public CooperativeMember Member { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Member = await Mediator.Send(new GetCooperativeMember(Id, UserId, MemberId), ct);
        if (Request.Method != "GET") return;
        Input = MemberInput.Of(Member);
        LeftOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var member = await Mediator.Send(new UpdateCooperativeMember(Id, UserId, MemberId, Input.FullName, Input.Role, Input.JoinedOn,
                Input.GenderOrNull, Input.Shares, Input.Phone, Input.UserEmail ?? ""), ct);
            Done = T["coop.member.saved", member.FullName];
            return Redirect($"/coop/{Id}/members");
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, "Input."); }
        catch (DomainRuleViolated taken) when (taken.Code == "office_taken") { ModelState.AddModelError("Input.Role", T["coop.error.role.taken"]); }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var member = await Mediator.Send(new MarkCooperativeMemberLeft(Id, UserId, MemberId, LeftOn), ct);
            Done = T["coop.member.marked", member.FullName];
            return Redirect($"/coop/{Id}/members");
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T); }
        catch (DomainRuleViolated left) when (left.Code == "member_already_left") { Problem = T["coop.member.alreadyleft"]; }
        await OnGetAsync(ct);
        Input = MemberInput.Of(Member);
        return Page();
    }
}
