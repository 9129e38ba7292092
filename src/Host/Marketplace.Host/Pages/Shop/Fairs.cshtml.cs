using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/fairs: the programme's fairs, the latest first.</summary>
public sealed class FairsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<FairSummary> Fairs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Fairs = await mediator.Send(new ListFairs(), ct);
}
