using JasperFx;
using JasperFx.Events;

namespace Marketplace.BuildingBlocks;

/// <summary>Optimistic writes to Marten streams and documents: what a lost race looks like, and trying again.</summary>
public static class Concurrency
{
    /// <summary>Another writer got there first: a stale version, a stream moved on meanwhile, or a stream created twice.</summary>
    public static bool IsWriteConflict(this Exception e) => e switch
    {
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException => true,
        Marten.Exceptions.ExistingStreamIdCollisionException => true,
        _ => e.InnerException?.IsWriteConflict() ?? false,
    };

    /// <summary>Runs <paramref name="attempt"/> again (a fresh session each time) while another writer got there first.</summary>
    public static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> attempt, CancellationToken ct, int attempts = 8)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (e.IsWriteConflict() && i < attempts)
            {
                await Task.Delay(Random.Shared.Next(5, 25 * i), ct);
            }
        }
    }
}
