using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin.PayoutRuns;

/// <summary>A payout run: every payout of its period (those it created marked), and the cooperatives it left out, with why.</summary>
public sealed class DetailsModel(IMediator mediator) : AdminPage
{
    [FromRoute] public Guid Id { get; set; }

    public AdminPayoutRun Run { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { Run = await mediator.Send(new GetPayoutRunForAdmin(Id), ct); }
        catch (NotFound) { return NotFound(); }
        Names = await CooperativeNamesAsync(mediator, Run.Payouts.Select(p => p.CooperativeId).Concat(Run.Held.Select(s => s.CooperativeId)), ct);
        return Page();
    }
}
