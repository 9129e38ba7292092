using Marketplace.Catalogue.Contracts;
using Marketplace.Certification.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/cooperatives: the directory of verified cooperatives (name, province, sectors, labels), by province and sector, a page at a time.</summary>
public sealed class CooperativesModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public const int PageSize = 24;
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    public IReadOnlyList<CategoryNode> Categories { get; private set; } = [];
    public PublicCooperativePage List { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> Labels { get; private set; } = new Dictionary<Guid, IReadOnlyList<string>>();
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Categories = await mediator.Send(new GetCategories(), ct);
        if (!Marketplace.BuildingBlocks.Provinces.IsKnown(Province)) Province = null;
        var sector = Categories.FirstOrDefault(c => c.Code == Sector);
        if (sector is null) Sector = null;
        List = await mediator.Send(new ListPublicCooperatives(PageLanguage.Current, Province, Math.Max(1, page ?? 1), PageSize,
            sector is null ? null : [sector.Code, .. sector.Children.Select(c => c.Code)]), ct);
        Labels = await mediator.Send(new GetCooperativeLabels(List.Items.Select(c => c.Id).ToList(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), ct);
        Pager = new Pager("/cooperatives", new Dictionary<string, string?> { ["province"] = Province, ["sector"] = Sector }, List.Page, List.PageSize, List.Total);
    }
}
