using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Host.Pages.Admin;

/// <summary>The programme team's home: cooperatives waiting for them, and every task of the administration.</summary>
public sealed class IndexModel(IMediator mediator) : AdminPage
{
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct) =>
        Counts = (await mediator.Send(new ListCooperativesForAdmin(Lang, CooperativeStatus.Pending, PageSize: 1), ct)).CountsByStatus;
}
