using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/impact: what the platform did for the region's cooperatives over a period, from its own records (anyone).</summary>
public sealed class ImpactModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public Impact Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = MoroccoTime.Today(clock);
        var to = DateOnly.TryParseExact(To, "yyyy-MM-dd", out var t) ? t : today;
        var from = DateOnly.TryParseExact(From, "yyyy-MM-dd", out var f) ? f : new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        try { Figures = await mediator.Send(new GetImpact(from, to, PageLanguage.Current), ct); }
        catch (ValidationFailed) { Figures = await mediator.Send(new GetImpact(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today, PageLanguage.Current), ct); }
        (From, To) = (Figures.From.ToString("yyyy-MM-dd"), Figures.To.ToString("yyyy-MM-dd"));
    }
}
