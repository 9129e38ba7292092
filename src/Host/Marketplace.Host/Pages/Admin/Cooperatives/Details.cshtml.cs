using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin.Cooperatives;

/// <summary>A cooperative's profile, members and audit trail; the administrator verifies, suspends (with a reason) or reinstates it.</summary>
public sealed class DetailsModel(IMediator mediator, Texts texts) : AdminPage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public AdminCooperativeProfile Cooperative { get; private set; } = null!;
    public CooperativeHistoryPage History { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) =>
        ChangeAsync(() => mediator.Send(new VerifyCooperative(Id, AdminId), ct), "admin.coop.verified", ct);

    public Task<IActionResult> OnPostReinstateAsync(CancellationToken ct) =>
        ChangeAsync(() => mediator.Send(new ReinstateCooperative(Id, AdminId), ct), "admin.coop.reinstated", ct);

    public async Task<IActionResult> OnPostSuspendAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), texts["form.required"]);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        return await ChangeAsync(() => mediator.Send(new SuspendCooperative(Id, AdminId, Reason), ct), "admin.coop.suspended", ct);
    }

    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, string noticeKey, CancellationToken ct)
    {
        try
        {
            await change();
            Notice = texts[noticeKey];
            return RedirectToPage(new { id = Id });
        }
        catch (NotFound) { return NotFound(); }
        catch (ValidationFailed failed) { ModelState.AddErrors(failed, new Dictionary<string, string> { ["reason"] = texts["admin.coop.reason"] }); }
        catch (DomainRuleViolated refused)
        {
            Problem = refused.Code == "illegal_status_change" ? texts["admin.coop.illegal"] : texts["admin.refused"];
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Cooperative = await mediator.Send(new GetCooperativeForAdmin(Id, Lang), ct);
            History = await mediator.Send(new GetCooperativeHistoryForAdmin(Id, AdminId, QueryPage, 50), ct);
            return true;
        }
        catch (NotFound) { return false; }
    }

    /// <summary>What an entry of the audit trail changed, in a few words.</summary>
    public static string Describe(CooperativeHistoryEntry e, Texts t)
    {
        string? D(string key) => e.Details.GetValueOrDefault(key);
        return e.Action switch
        {
            "applied" => D("registrationNumber") ?? "",
            "suspended" => D("reason") ?? "",
            "staff_added" => D("email") ?? "",
            "member_added" or "member_updated" => $"{D("fullName")} · {t["admin.role." + D("role")]}",
            "member_left" => D("fullName") ?? D("leftOn") ?? "",
            "shipping_policy_set" => D("flatFee") ?? "",
            "payout_account_set" => t["admin.payoutmethod." + (D("method") ?? "none")],
            _ => "",
        };
    }
}
