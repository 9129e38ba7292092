using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// The commission rates: a default and, per category, an optional rate of its own (0 to 50 %, typed as percentages).
/// New rates apply to orders placed from now on; the history shows every version.
/// </summary>
public sealed class CommissionModel(IMediator mediator, Texts texts) : AdminPage
{
    [BindProperty] public string? DefaultRate { get; set; }
    [BindProperty] public Dictionary<string, string?> Rates { get; set; } = new();

    public AdminCommissionRates Current { get; private set; } = null!;
    /// <summary>The categories products are filed in (the leaves of the tree), grouped by their parent.</summary>
    public IReadOnlyList<(CategoryName Group, IReadOnlyList<CategoryName> Categories)> Groups { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CategoryNames { get; private set; } = new Dictionary<string, string>();
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        DefaultRate = AdminFormat.Percent(Current.DefaultRate);
        Rates = Current.CategoryRates.ToDictionary(r => r.Key, r => (string?)AdminFormat.Percent(r.Value));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var known = Groups.SelectMany(g => g.Categories).Select(c => c.Code).ToHashSet();
        var defaultRate = AdminFormat.ParsePercent(DefaultRate);
        if (defaultRate is null) ModelState.AddModelError(nameof(DefaultRate), texts[string.IsNullOrWhiteSpace(DefaultRate) ? "form.required" : "admin.commission.invalid"]);
        var rates = new Dictionary<string, decimal>();
        foreach (var (code, typed) in Rates.Where(r => known.Contains(r.Key) && !string.IsNullOrWhiteSpace(r.Value)))
        {
            if (AdminFormat.ParsePercent(typed) is { } rate) rates[code] = rate;
            else ModelState.AddModelError(RateKey(code), texts["admin.commission.invalid"]);
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await mediator.Send(new ChangeCommissionRates(defaultRate, rates, AdminId), ct);
            Notice = texts["admin.commission.saved"];
            return RedirectToPage();
        }
        catch (ValidationFailed failed)
        {
            if (failed.Errors.ContainsKey("defaultRate")) ModelState.AddModelError(nameof(DefaultRate), texts["admin.commission.invalid"]);
            if (failed.Errors.Keys.Any(k => k != "defaultRate")) Problem = texts["admin.commission.invalid"];
            return Page();
        }
    }

    public static string RateKey(string code) => $"Rates[{code}]";

    /// <summary>The error shown beside a field, if any.</summary>
    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string RatesText(IReadOnlyDictionary<string, decimal> rates) => rates.Count == 0 ? "—"
        : string.Join(" · ", rates.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{CategoryNames.GetValueOrDefault(r.Key, r.Key)} {AdminFormat.Rate(r.Value)}"));

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await mediator.Send(new GetCommissionRatesForAdmin(), ct);
        var all = await mediator.Send(new GetCategoryNames(), ct);
        CategoryNames = all.ToDictionary(c => c.Code, c => Format.Text(c.Name));
        var parents = all.Where(c => c.Parent is not null).Select(c => c.Parent!).ToHashSet();
        Groups = all.Where(c => c.Parent is null)
            .Select(top => (top, (IReadOnlyList<CategoryName>)(parents.Contains(top.Code) ? all.Where(c => c.Parent == top.Code).ToList() : [top])))
            .ToList();
    }
}
