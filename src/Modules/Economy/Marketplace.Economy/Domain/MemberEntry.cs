using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Marketplace.Economy.Domain;

internal static class EntryKinds
{
    public const string Supply = "supply", Payment = "payment", Surplus = "surplus";
}

/// <summary>
/// One line of a member's account as statements, lists and exports read it (written inline from her events). Amounts
/// are as printed: a supply's value (negative for a reversal), a payment, a surplus share; <see cref="Effect"/> is what it
/// does to what the cooperative owes her.
/// </summary>
internal sealed class MemberEntry
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public Guid MemberId { get; set; }
    public string Kind { get; set; } = "";
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "MAD";
    public string? Item { get; set; }
    public decimal Quantity { get; set; }
    public string? Unit { get; set; }
    public string? Grade { get; set; }
    public decimal UnitPrice { get; set; }
    public string? Lot { get; set; }
    public Guid? Reverses { get; set; }
    public Guid? ReversedBy { get; set; }
    public string? Reason { get; set; }
    public string? Method { get; set; }
    public string? Note { get; set; }
    public bool Advance { get; set; }
    public Guid? AssemblyId { get; set; }
    public int FinancialYear { get; set; }
    public decimal SuppliesValue { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public decimal Effect => Kind == EntryKinds.Payment ? -Amount : Amount;
}

/// <summary>Writes the lines of members' accounts in the transaction that appends their events.</summary>
internal sealed partial class MemberEntryProjection : EventProjection
{
    public async Task Project(IEvent<SupplyRecorded> e, IDocumentOperations ops, CancellationToken ct)
    {
        var s = e.Data;
        ops.Store(new MemberEntry
        {
            Id = s.SupplyId, CooperativeId = s.CooperativeId, MemberId = s.MemberId, Kind = EntryKinds.Supply, Date = s.Date,
            Amount = s.Amount.Amount, Currency = s.Amount.Currency, Item = s.Item, Quantity = s.Quantity, Unit = s.Unit, Grade = s.Grade,
            UnitPrice = s.UnitPrice.Amount, Lot = s.Lot, Reverses = s.Reverses, Reason = s.Reason, RecordedAt = s.At,
        });
        if (s.Reverses is { } reversed && await ops.LoadAsync<MemberEntry>(reversed, ct) is { } wrong)
        {
            wrong.ReversedBy = s.SupplyId;
            ops.Store(wrong);
        }
    }

    public void Project(IEvent<MemberPaid> e, IDocumentOperations ops) => ops.Store(new MemberEntry
    {
        Id = e.Data.PaymentId, CooperativeId = e.Data.CooperativeId, MemberId = e.Data.MemberId, Kind = EntryKinds.Payment, Date = e.Data.Date,
        Amount = e.Data.Amount.Amount, Currency = e.Data.Amount.Currency, Method = e.Data.Method, Note = e.Data.Note, Advance = e.Data.Advance,
        RecordedAt = e.Data.At,
    });

    public void Project(IEvent<SurplusShareCredited> e, IDocumentOperations ops) => ops.Store(new MemberEntry
    {
        Id = Share(e.Data.AssemblyId, e.Data.MemberId), CooperativeId = e.Data.CooperativeId, MemberId = e.Data.MemberId,
        Kind = EntryKinds.Surplus, Date = e.Data.Date, Amount = e.Data.Amount.Amount, Currency = e.Data.Amount.Currency,
        AssemblyId = e.Data.AssemblyId, FinancialYear = e.Data.FinancialYear, SuppliesValue = e.Data.SuppliesValue.Amount,
        RecordedAt = e.Data.At,
    });

    /// <summary>A share's line id: one per assembly and member.</summary>
    public static Guid Share(Guid assemblyId, Guid memberId)
    {
        var a = assemblyId.ToByteArray();
        var m = memberId.ToByteArray();
        for (var i = 0; i < a.Length; i++) a[i] ^= m[(i + 7) % m.Length];
        return new Guid(a);
    }
}
