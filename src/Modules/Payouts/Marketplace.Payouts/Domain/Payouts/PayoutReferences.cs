using Npgsql;

namespace Marketplace.Payouts.Domain.Payouts;

/// <summary>
/// The reference people and banks read, PO-2026-W48-0007: the ISO week of the period's last day and a number from a
/// PostgreSQL sequence of the payouts schema (unique across processes). It goes into the bank transfer's label.
/// </summary>
internal sealed class PayoutReferences(NpgsqlDataSource database)
{
    public const string Sequence = "payout_numbers";

    public async Task<string> NextAsync(DateOnly periodEnd, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select nextval('payouts.{Sequence}')");
        var next = (long)(await command.ExecuteScalarAsync(ct))!;
        return Format(periodEnd, next);
    }

    public static string Format(DateOnly periodEnd, long number) => $"PO-{LocalCalendar.IsoWeek(periodEnd)}-{number:D4}";
}
