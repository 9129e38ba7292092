using JasperFx;
using JasperFx.Events;
using Marten;

namespace Marketplace.Economy.Domain;

internal static class AccountStreams
{
    /// <summary>
    /// Reads a member's account for writing (optimistic: a concurrent writer makes the save fail), decides on a copy,
    /// appends what was decided; the caller saves.
    /// </summary>
    public static async Task<IReadOnlyList<object>> DecideAsync(this IDocumentSession session, Guid memberId, Guid cooperativeId,
        Func<MemberAccount, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<MemberAccount>(memberId, ct);
        var events = decide(stream.Aggregate?.Copy() ?? MemberAccount.Empty(memberId, cooperativeId));
        stream.AppendMany(events);
        return events;
    }

    /// <summary>Runs <paramref name="attempt"/> again (a fresh session each time) while another writer got there first.</summary>
    public static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> attempt, CancellationToken ct, int attempts = 8)
    {
        for (var i = 1; ; i++)
        {
            try { return await attempt(); }
            catch (Exception e) when (IsConflict(e) && i < attempts) { await Task.Delay(Random.Shared.Next(5, 25 * i), ct); }
        }
    }

    private static bool IsConflict(Exception e) => e switch
    {
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.ExistingStreamIdCollisionException => true,
        _ => e.InnerException is { } inner && IsConflict(inner),
    };
}
