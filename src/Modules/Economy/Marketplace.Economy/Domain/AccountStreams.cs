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
}
