using Marketplace.Catalogue.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// The product pages this node has read (document, stream version, whether its cooperative is suspended), and what it
/// knows of their changes. A page is answered from memory only while this node listens to the database's product changes
/// (<see cref="ProductChangeFeed"/>): every transaction that appends to a product's stream, or changes a cooperative's
/// standing, notifies its ids on commit (<see cref="ProductChangeNotifier"/>), and every node forgets those pages (this
/// node at once, after its own commits). While it does not listen (starting, connection lost), each page is read from the
/// database, which sends the document only when its version moved.
/// <para>
/// A page read from the database is kept only if no change of it was heard during the read (the ticket): a change
/// committed while it was read can never leave the older page behind. Listening again starts a new era: what was kept
/// before, when changes could be missed, is not answered from memory any more.
/// </para>
/// </summary>
internal sealed class KeptProductPages : IDisposable
{
    public const string Channel = "catalogue_product_changes";
    /// <summary>The payload that means: forget every page (a cooperative suspended or reinstated).</summary>
    public const string Everything = "*";
    public const int MaxKept = 20_000;
    private const int Stripes = 1024;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = MaxKept });
    private readonly long[] changes = new long[Stripes];
    private long era;
    private volatile bool listening;

    internal sealed record Page(long Version, Product Product, bool Suspended, long Era, bool Heard);

    /// <summary>What was known of a product's changes before reading it.</summary>
    internal readonly record struct Ticket(long Era, long Changes, bool Listening);

    public bool IsListening => listening;

    public Ticket Take(Guid productId) => new(Volatile.Read(ref era), Volatile.Read(ref changes[Stripe(productId)]), listening);

    /// <summary>The page kept, if any; <paramref name="current"/>: it may be answered as it is, without asking the database.</summary>
    public Page? Find(Guid productId, out bool current)
    {
        var page = kept.TryGetValue(productId, out Page? p) ? p : null;
        current = page is { Heard: true } && listening && page.Era == Volatile.Read(ref era);
        return page;
    }

    /// <summary>Keeps a page read from the database after <paramref name="ticket"/>, unless a change of it was heard since.</summary>
    public void Keep(Guid productId, long version, Product product, bool suspended, Ticket ticket)
    {
        var stripe = Stripe(productId);
        if (Volatile.Read(ref changes[stripe]) != ticket.Changes) return;
        kept.Set(productId, new Page(version, product, suspended, ticket.Era, ticket.Listening),
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        // A change heard between the check and the Set removed nothing (or the previous page): it is removed now.
        if (Volatile.Read(ref changes[stripe]) != ticket.Changes) kept.Remove(productId);
    }

    public void Forget(Guid productId)
    {
        Interlocked.Increment(ref changes[Stripe(productId)]);
        kept.Remove(productId);
    }

    public void ForgetAll() => Interlocked.Increment(ref era);

    /// <summary>A notification's payload: product ids separated by commas, or <see cref="Everything"/>.</summary>
    public void Heard(string payload)
    {
        if (payload == Everything) { ForgetAll(); return; }
        foreach (var id in payload.Split(','))
            if (Guid.TryParse(id, out var productId)) Forget(productId);
    }

    /// <summary>Listening from now on (after LISTEN succeeded), or not any more (the connection is lost).</summary>
    public void Listening(bool on)
    {
        if (!on) listening = false;
        Interlocked.Increment(ref era);
        if (on) listening = true;
    }

    internal static int Stripe(Guid productId) => (productId.GetHashCode() & int.MaxValue) % Stripes;

    public void Dispose() => kept.Dispose();
}
