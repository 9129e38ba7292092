using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain;

namespace Marketplace.Payouts.Features.Batches;

/// <summary>
/// A file of bank transfers handed to the bank: the pending bank-transfer payouts that were in no batch when it was made,
/// each with the RIB, amount, reference and name of that moment. It never changes, so its file is the same at every
/// download, and a payout is in one batch only (<see cref="Domain.Payouts.PayoutBatched"/>, appended with it).
/// </summary>
internal sealed class BankBatch
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? By { get; set; }
    public List<BankBatchLine> Lines { get; set; } = [];
    public Money Total { get; set; } = Money.Zero();

    public static readonly string[] Header = ["rib", "amount", "currency", "reference", "cooperative"];

    public byte[] File() => Csv.Write(Header, Lines.Select(l => (IReadOnlyList<string>)[
        l.Rib, Csv.Amount(l.Amount.Amount), l.Amount.Currency, l.Reference, Csv.Text(l.Cooperative)]));
}

internal sealed record BankBatchLine(Guid PayoutId, string Reference, Guid CooperativeId, string Cooperative, string Rib, Money Amount);

/// <summary>A batch as the API shows it, with its payouts as they are now.</summary>
internal sealed record BankBatchView(Guid Id, string Number, DateTimeOffset CreatedAt, Guid? By, Money Total, int Count,
    IReadOnlyList<Payouts.PayoutView> Payouts);
