using Marten;
using JasperFx;

namespace Marketplace.BuildingBlocks;

/// <summary>Marks that a receiver handled a message, in the receiver's own store.</summary>
public sealed record ProcessedMessage(string Id, DateTimeOffset ProcessedAt);

/// <summary>
/// Integration events arrive at least once: a receiver does its work and records the message's key in the
/// same transaction, so a redelivery (even a concurrent one) is a no-op.
/// </summary>
public static class IdempotentReceiver
{
    /// <summary>An insert of a document that exists: alone, or as every failure of a batch (Marten aggregates them).</summary>
    private static bool AlreadyExists(Exception ex) => ex is DocumentAlreadyExistsException
        || ex is AggregateException { InnerExceptions.Count: > 0 } all && all.InnerExceptions.All(i => i is DocumentAlreadyExistsException);

    /// <summary>Runs <paramref name="work"/> once per key; returns false when the key was handled already.</summary>
    public static async Task<bool> ProcessOnceAsync(this IDocumentStore store, string key, TimeProvider clock,
        Func<IDocumentSession, Task> work, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedMessage>(key, ct) is not null) return false;
        await work(session);
        session.Insert(new ProcessedMessage(key, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (AlreadyExists(ex))
        {
            return false; // a concurrent delivery of the same message won: its work was committed, ours is not
        }
    }
}
