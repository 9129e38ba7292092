using System.Collections.Concurrent;
using Marketplace.Catalogue.Features;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// A search's answer: the ids of a page, in order, how many products match in all, and the page's items by language
/// (their stock is replaced by the current one when they are used).
/// </summary>
/// <param name="Version">the <see cref="SearchVersion"/> read before the answer was computed.</param>
internal sealed record SearchAnswer(long Version, IReadOnlyList<Guid> Ids, long Total, bool TotalExact)
{
    public ConcurrentDictionary<string, IReadOnlyList<ProductViews.Item>> Items { get; } = new();
}

/// <summary>
/// Answers of recent searches, in this node's memory (broad searches read thousands of rows for their total and their
/// order; shoppers repeat the same ones). An answer is used only while the <see cref="SearchVersion"/> is the one read
/// before it was computed. That is exact: the answer reflects a state at least as new as that version, and while the
/// version has not moved nothing that changes answers has been committed since (images included, for the items).
/// Bounded in entries and in time.
/// </summary>
internal sealed class SearchResultCache : IDisposable
{
    public const int MaxEntries = 10_000; // with a page of 20 items in up to 3 languages: ~100 MB at most
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);
    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>The cached answer to this search, of whatever version (the caller compares it to the current one).</summary>
    public SearchAnswer? Find(string key) => answers.TryGetValue(key, out SearchAnswer? answer) ? answer : null;

    public void Keep(string key, SearchAnswer answer) =>
        answers.Set(key, answer, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });

    public void Dispose() => answers.Dispose();
}
