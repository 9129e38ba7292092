using System.Collections.Concurrent;
using Marketplace.Cooperatives.Contracts;
using MediatR;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// Cooperatives' names (every language) for the products' views, asked of Cooperatives once per cooperative and kept in
/// memory: a cooperative's name is fixed when it applies (Cooperatives has no use case that changes it), so a kept name
/// is never stale. The shop's pages and searches then need no round trip for them.
/// </summary>
internal sealed class CooperativeNames
{
    private const int MaxKept = 100_000;
    private readonly ConcurrentDictionary<Guid, IReadOnlyDictionary<string, string>> kept = new();

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>>> OfAsync(IMediator mediator, IEnumerable<Guid> ids,
        CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var missing = wanted.Where(id => !kept.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            if (kept.Count > MaxKept) kept.Clear();
            foreach (var summary in await mediator.Send(new GetCooperativeSummaries(missing), ct)) kept[summary.Id] = summary.Name;
        }
        return wanted.Where(kept.ContainsKey).ToDictionary(id => id, id => kept[id]);
    }
}
