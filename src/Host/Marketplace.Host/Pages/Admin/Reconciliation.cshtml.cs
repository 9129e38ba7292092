using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// The platform's bank statement uploaded (CSV date,reference,amount,counterparty): lines that match a sent payout
/// reconcile it. Then what does not match: lines that match no payout, transfers sent that no statement shows yet, and
/// the differences found with Stripe's transfers.
/// </summary>
public sealed partial class ReconciliationModel(IMediator mediator, Texts texts, TimeProvider clock) : AdminPage
{
    private const long MaxBytes = 5 * 1024 * 1024;

    [BindProperty] public IFormFile? Statement { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    public string? Problem { get; private set; }

    /// <summary>The last import's figures, kept for the page after the redirect.</summary>
    [TempData(Key = "admin.import")] public string? LastImport { get; set; }

    public AdminReconciliation Report { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public BankStatementImport? Imported { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (LastImport is { } json) Imported = JsonSerializer.Deserialize<BankStatementImport>(json);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Statement is null || Statement.Length == 0) ModelState.AddModelError(nameof(Statement), texts["admin.recon.file.required"]);
        else if (Statement.Length > MaxBytes) ModelState.AddModelError(nameof(Statement), texts["admin.recon.file.toolarge"]);
        else
        {
            using var buffer = new MemoryStream();
            await Statement.CopyToAsync(buffer, ct);
            try
            {
                var result = await mediator.Send(new ImportBankStatementForAdmin(buffer.ToArray()), ct);
                LastImport = JsonSerializer.Serialize(result with { Unmatched = [] });
                Notice = texts["admin.recon.imported", Format.Number(result.Imported), Format.Number(result.Matched), Format.Number(result.Unmatched.Count)];
                return RedirectToPage();
            }
            catch (ValidationFailed failed)
            {
                var message = failed.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? "";
                ModelState.AddModelError(nameof(Statement), LineOf(message) is { } line
                    ? texts["admin.recon.file.badline", Format.Number(line)] : texts["admin.recon.file.bad"]);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Compares the Stripe payouts paid between two days with Stripe's transfers.</summary>
    public async Task<IActionResult> OnPostCompareAsync(CancellationToken ct)
    {
        var (from, to) = (AdminFormat.ParseDay(From), AdminFormat.ParseDay(To));
        if (from is null) ModelState.AddModelError(nameof(From), texts["admin.dash.baddate"]);
        if (to is null) ModelState.AddModelError(nameof(To), texts["admin.dash.baddate"]);
        if (ModelState.IsValid)
        {
            try
            {
                var comparison = await mediator.Send(new CompareStripeTransfersForAdmin(from, to), ct);
                Notice = texts["admin.recon.stripe.done", Format.Number(comparison.Matched), Format.Number(comparison.Differences.Count)];
                return RedirectToPage();
            }
            catch (ValidationFailed) { ModelState.AddModelError(nameof(To), texts["admin.recon.stripe.badrange"]); }
            catch (DomainRuleViolated refused) { Problem = texts["admin.recon.stripe." + refused.Code]; }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = AdminFormat.Today(clock);
        From ??= AdminFormat.Iso(today.AddDays(-30));
        To ??= AdminFormat.Iso(today);
        Report = await mediator.Send(new GetReconciliationForAdmin(), ct);
        Names = await CooperativeNamesAsync(mediator, Report.UnmatchedPayouts.Select(p => p.CooperativeId), ct);
    }

    /// <summary>The line of the file a module's refusal names ("Line 3: ..."); 1 is the header.</summary>
    private static int? LineOf(string message) =>
        LineNumber().Match(message) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var line) ? line : null;

    [GeneratedRegex(@"^Line (\d+):")]
    private static partial Regex LineNumber();
}
