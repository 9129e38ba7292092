using Marketplace.BuildingBlocks;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/fairs/{id}: a fair's exhibitors by stand, each with a link to its shop once its cooperative is verified.</summary>
public sealed class FairModel(IMediator mediator) : PageModel
{
    public PublicFair Fair { get; private set; } = null!;
    public int OnPlatform => Fair.Exhibitors.Count(e => e.CooperativeId is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try { Fair = await mediator.Send(new GetFair(id), ct); }
        catch (NotFound) { return NotFound(); }
        return Page();
    }
}
