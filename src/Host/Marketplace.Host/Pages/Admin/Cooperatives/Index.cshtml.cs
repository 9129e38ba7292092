using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Host.Pages.Admin.Cooperatives;

/// <summary>Cooperatives by status, those waiting for verification first; filters by text and province.</summary>
public sealed class IndexModel(IMediator mediator) : AdminPage
{
    public static readonly string[] Statuses = [CooperativeStatus.Pending, CooperativeStatus.Verified, CooperativeStatus.Suspended];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }

    public AdminCooperativePage List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Statuses.Contains(Status)) Status = CooperativeStatus.Pending;
        if (!Provinces.IsKnown(Province)) Province = null;
        Q = Q?.Trim() is { Length: > 0 and <= 100 } q ? q : null;
        List = await mediator.Send(new ListCooperativesForAdmin(Lang, Status, Province, Q, QueryPage, 20), ct);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/admin/cooperatives", new Dictionary<string, string?>
    {
        ["status"] = Status, ["q"] = Q, ["province"] = Province, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));
}
