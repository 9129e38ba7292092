using Marketplace.Payouts.Contracts;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// A table of payouts (_PayoutRows): <paramref name="Created"/> marks those a run just created; with <paramref name="Form"/>,
/// pending bank transfers get a form to record the bank's reference, sent ones a form to record that the bank returned them.
/// </summary>
public sealed record PayoutRows(IReadOnlyList<AdminPayout> Items, IReadOnlyDictionary<Guid, string> Names, IReadOnlySet<Guid>? Created,
    MarkSentForm? Form);

/// <summary>
/// The forms of a list (mark sent, returned by the bank): the list's filters (kept after posting) and, after a refusal, the
/// payout whose form it was, what was typed and why.
/// </summary>
public sealed record MarkSentForm(string? Status, string? Period, Guid? PayoutId, string? Typed, string? Error);
