using JasperFx;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;

namespace Marketplace.Cooperatives.Storage;

internal static class CooperativeStreams
{
    private const int Attempts = 3;

    /// <summary>
    /// Reads the cooperative for writing (Marten checks on save that nobody appended in between), decides, appends
    /// and commits. When someone else changed the stream meanwhile, decides again on the new state: a decision is
    /// never taken on a stale state. Answers the state after the change.
    /// </summary>
    public static async Task<Cooperative> UpdateAsync(this ICooperativesStore store, Guid id,
        Func<Cooperative, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Cooperative>(id, ct);
            var state = stream.Aggregate ?? throw new NotFound("The cooperative");
            var events = decide(state);
            if (events.Count == 0) return state;
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(ct);
                return events.Aggregate(state, (c, e) => Cooperative.Next(c, e)!);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                // someone appended to this cooperative since we read it: read it again and decide again
            }
        }
    }

    /// <summary>The cooperative as its inline document stands, or 404.</summary>
    public static async Task<Cooperative> LoadAsync(this ICooperativesStore store, Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Cooperative>(id, ct) ?? throw new NotFound("The cooperative");
    }
}
