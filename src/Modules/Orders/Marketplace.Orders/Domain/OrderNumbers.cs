using Npgsql;

namespace Marketplace.Orders.Domain;

/// <summary>Order numbers for people: SM-2026-000123, from a PostgreSQL sequence of the orders schema.</summary>
internal sealed class OrderNumbers(NpgsqlDataSource database)
{
    public const string Sequence = "order_numbers";

    public async Task<string> NextAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select nextval('orders.{Sequence}')");
        var next = (long)(await command.ExecuteScalarAsync(ct))!;
        return Format(now.Year, next);
    }

    public static string Format(int year, long sequence) => $"SM-{year}-{sequence:D6}";
}
