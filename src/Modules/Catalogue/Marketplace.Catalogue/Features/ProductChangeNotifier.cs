using Marketplace.Catalogue.Domain;
using Marten;
using Marten.Services;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// Every Catalogue transaction that appends to products' streams (any event: listing, stock, publication, rating...)
/// or changes a cooperative's standing notifies it on <see cref="KeptProductPages.Channel"/>, in the transaction: the
/// notification goes out if and only if it commits. After its commit, this node forgets those pages at once, so that
/// its next answer shows the change (the notification reaches the other nodes a moment later).
/// </summary>
internal sealed class ProductChangeNotifier(KeptProductPages pages) : DocumentSessionListenerBase
{
    private const int IdsPerNotification = 100; // 3.7 KB: a payload must stay under 8,000 bytes

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.AllChangedFor<CooperativeStanding>().Any())
            session.QueueSqlCommand("select pg_notify(?, ?)", KeptProductPages.Channel, KeptProductPages.Everything);
        else
            foreach (var ids in session.PendingChanges.Streams().Select(s => s.Id).Distinct().Chunk(IdsPerNotification))
                session.QueueSqlCommand("select pg_notify(?, ?)", KeptProductPages.Channel, string.Join(',', ids));
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.Inserted.Concat(commit.Updated).OfType<CooperativeStanding>().Any()) pages.ForgetAll();
        foreach (var stream in commit.GetStreams()) pages.Forget(stream.Id);
        return Task.CompletedTask;
    }
}
