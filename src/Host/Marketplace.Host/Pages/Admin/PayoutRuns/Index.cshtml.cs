using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin.PayoutRuns;

/// <summary>Runs the payouts of a period (ending on a day, not in the future) and lists the runs already made.</summary>
public sealed class IndexModel(IMediator mediator, Texts texts, TimeProvider clock) : AdminPage
{
    [BindProperty] public string? PeriodEnd { get; set; }

    public AdminPayoutRunPage Runs { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PeriodEnd = AdminFormat.Iso(AdminFormat.Today(clock));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var day = AdminFormat.ParseDay(PeriodEnd);
        if (day is null) ModelState.AddModelError(nameof(PeriodEnd), texts[string.IsNullOrWhiteSpace(PeriodEnd) ? "form.required" : "admin.dash.baddate"]);
        else if (day > AdminFormat.Today(clock)) ModelState.AddModelError(nameof(PeriodEnd), texts["admin.runs.future"]);
        else
        {
            try
            {
                var run = await mediator.Send(new RunPayoutsForPeriod(day, AdminId), ct);
                Notice = texts["admin.runs.done", Format.Number(run.Created.Count), Format.Number(run.Held.Count)];
                return RedirectToPage("Details", new { id = run.Id });
            }
            catch (ValidationFailed) { ModelState.AddModelError(nameof(PeriodEnd), texts["admin.runs.future"]); }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Runs = await mediator.Send(new ListPayoutRunsForAdmin(QueryPage, 20), ct);
}
