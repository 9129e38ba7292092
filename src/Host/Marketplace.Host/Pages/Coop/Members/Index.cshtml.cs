using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Members;

/// <summary>The cooperative's members with their counts (by role, by gender), and a form to record a new member.</summary>
public sealed class IndexModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public MemberInput Input { get; set; } = new();
    public CooperativeMemberList Members { get; private set; } = null!;
    public WomenLed WomenLed { get; private set; } = null!;
    /// <summary>board (as the register shows), yes or no.</summary>
    [BindProperty] public string? WomenLedChoice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Members = await Mediator.Send(new GetCooperativeMembers(Id, UserId, Page: Math.Max(1, PageNumber), PageSize: 50), ct);
        WomenLed = await Mediator.Send(new GetWomenLed(Id, UserId), ct);
        if (Request.Method == "GET") Input = new MemberInput { JoinedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd") };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var member = await Mediator.Send(new AddCooperativeMember(Id, UserId, Input.FullName, Input.Role, Input.JoinedOn, Input.GenderOrNull,
                Input.Shares, Input.Phone, Input.UserEmail ?? ""), ct);
            return Confirm(T["coop.member.added", member.FullName]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, "Input."); }
        catch (DomainRuleViolated taken) when (taken.Code == "office_taken") { ModelState.AddModelError("Input.Role", T["coop.error.role.taken"]); }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWomenLedAsync(CancellationToken ct)
    {
        bool? declared = WomenLedChoice switch { "yes" => true, "no" => false, _ => null };
        try
        {
            await Mediator.Send(new DeclareWomenLed(Id, UserId, declared), ct);
            return Confirm(T["coop.womenled.saved"]);
        }
        catch (Forbidden) { Problem = T["coop.womenled.owner"]; }
        ModelState.Clear();
        await OnGetAsync(ct);
        return Page();
    }
}
