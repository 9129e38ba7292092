using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Host.Pages.Admin.Payouts;

/// <summary>
/// Payouts by status (pending first: the transfers to hand to the bank), optionally of one week; a pending bank transfer
/// marked sent with the reference the bank gave it; a sent one marked returned by the bank (its money back in the
/// cooperative's balance); a failed or returned one paid again.
/// </summary>
public sealed class IndexModel(IMediator mediator, Texts texts) : AdminPage
{
    public static readonly string[] Statuses = ["pending", "sent", "paid", "failed", "returned", "reconciled", "all"];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty] public Guid PayoutId { get; set; }
    [BindProperty] public string? BankReference { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public AdminPayoutPage List { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public MarkSentForm Form { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(null, null, ct);

    /// <summary>A failed or returned payout is paid again: the next bank batch, or a new Stripe attempt.</summary>
    public async Task<IActionResult> OnPostReissueAsync(CancellationToken ct)
    {
        try
        {
            var payout = await mediator.Send(new ReissuePayoutByAdmin(PayoutId, AdminId), ct);
            Notice = texts["admin.payouts.reissued", payout.Reference];
            return Redirect(ListLink(1));
        }
        catch (NotFound) { return NotFound(); }
        catch (DomainRuleViolated refused) { await LoadAsync(null, texts["admin.payouts.refused." + refused.Code], ct); }
        return Page();
    }

    public async Task<IActionResult> OnPostMarkSentAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(BankReference))
        {
            await LoadAsync(texts["form.required"], null, ct, BankReference);
            return Page();
        }
        try
        {
            var payout = await mediator.Send(new MarkPayoutSentByAdmin(PayoutId, BankReference.Trim(), AdminId), ct);
            Notice = texts["admin.payouts.marked", payout.Reference, payout.BankReference ?? ""];
            return Redirect(ListLink(1));
        }
        catch (NotFound) { return NotFound(); }
        catch (ValidationFailed) { await LoadAsync(texts["admin.payouts.bankref.invalid"], null, ct, BankReference); }
        catch (DomainRuleViolated refused) { await LoadAsync(null, texts["admin.payouts.refused." + refused.Code], ct); }
        return Page();
    }

    /// <summary>The bank returned a sent transfer: it fails and its money goes back to the cooperative's balance.</summary>
    public async Task<IActionResult> OnPostMarkFailedAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            await LoadAsync(texts["form.required"], null, ct, Reason);
            return Page();
        }
        try
        {
            var payout = await mediator.Send(new MarkPayoutFailedByAdmin(PayoutId, Reason.Trim(), AdminId), ct);
            Notice = texts["admin.payouts.failed", payout.Reference];
            return Redirect(ListLink(1));
        }
        catch (NotFound) { return NotFound(); }
        catch (ValidationFailed) { await LoadAsync(texts["admin.payouts.returned.invalid"], null, ct, Reason); }
        catch (DomainRuleViolated refused) { await LoadAsync(null, texts["admin.payouts.refused." + refused.Code], ct); }
        return Page();
    }

    private async Task LoadAsync(string? fieldError, string? problem, CancellationToken ct, string? typed = null)
    {
        Status = Statuses.Contains(Status) ? Status : "pending";
        var period = AdminFormat.ParseDay(Period);
        Period = period is { } day ? AdminFormat.Iso(day) : null;
        Problem = problem;
        List = await mediator.Send(new ListPayoutsForAdmin(Status == "all" ? null : Status, null, Period, QueryPage, 50), ct);
        Names = await CooperativeNamesAsync(mediator, List.Items.Select(p => p.CooperativeId), ct);
        Form = new MarkSentForm(Status, Period, fieldError is null ? null : PayoutId, typed, fieldError);
    }

    public string ListLink(int page) => QueryHelpers.AddQueryString("/admin/payouts", new Dictionary<string, string?>
    {
        ["status"] = Status, ["period"] = Period, ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));
}
