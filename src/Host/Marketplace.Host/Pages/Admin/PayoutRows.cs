using Marketplace.Payouts.Contracts;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// A table of payouts (_PayoutRows): <paramref name="Created"/> marks those a run just created; with <paramref name="Form"/>,
/// pending bank transfers get a form to record the bank's reference.
/// </summary>
public sealed record PayoutRows(IReadOnlyList<AdminPayout> Items, IReadOnlyDictionary<Guid, string> Names, IReadOnlySet<Guid>? Created,
    MarkSentForm? Form);

/// <summary>The mark-sent forms of a list: the list's filters (kept after posting) and, after a refusal, what was typed and why.</summary>
public sealed record MarkSentForm(string? Status, string? Period, Guid? PayoutId, string? Typed, string? Error);
