using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using Marketplace.Tourism.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/experiences/{id}: what the visit is, where to meet, in which languages, and its next dates with the places left (a list: no script needed).</summary>
public sealed class ExperienceModel(IMediator mediator) : PageModel
{
    public ExperienceView Experience { get; private set; } = null!;
    public string CooperativeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try { Experience = await mediator.Send(new GetExperience(id, PageLanguage.Current), ct); }
        catch (NotFound) { return NotFound(); }
        CooperativeName = Format.Text((await mediator.Send(new GetCooperativeSummaries([Experience.CooperativeId]), ct)).FirstOrDefault()?.Name);
        return Page();
    }
}
