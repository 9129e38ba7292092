using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Coop;

/// <summary>The cooperatives the user works for; someone who works for none is shown how to apply.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<CooperativeSummary> Cooperatives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ids = await mediator.Send(new GetCooperativesOfUser(User.UserId()), ct);
        var summaries = ids.Count == 0 ? [] : await mediator.Send(new GetCooperativeSummaries(ids), ct);
        Cooperatives = ids.Select(id => summaries.FirstOrDefault(s => s.Id == id)).OfType<CooperativeSummary>().ToList();
    }
}
