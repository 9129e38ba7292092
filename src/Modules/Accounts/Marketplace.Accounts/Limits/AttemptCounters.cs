using System.Net;
using System.Net.Sockets;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Marketplace.Accounts.Limits;

/// <summary>
/// Counters of attempts (registrations from an address, sign-ins from an address, failed sign-ins of an e-mail from an
/// address) in PostgreSQL (accounts.attempts), so that every Host counts the same ones: a limit holds however many
/// Hosts the attempts are spread over. Each change is one atomic upsert. A key's row counts in a window that starts
/// at its first attempt: an attempt after the window starts it again at 1. Rows a day old are forgotten by the
/// attempts themselves, a few at a time, so the table stays the size of a day's attackers.
/// </summary>
internal sealed class AttemptCounters(NpgsqlDataSource database)
{
    public const string Table = "attempts";
    private const string Schema = "accounts";

    public static Table Definition()
    {
        var t = new Table(new PostgresqlObjectName(Schema, Table, SchemaUtils.IdentifierUsage.General));
        t.AddColumn<string>("key").AsPrimaryKey();
        t.AddColumn("window_start", "timestamp with time zone").NotNull();
        t.AddColumn<int>("count").NotNull();
        t.AddColumn("last_at", "timestamp with time zone").NotNull();
        t.Indexes.Add(new IndexDefinition("ix_attempts_last_at") { Columns = ["last_at"] });
        return t;
    }

    /// <summary>Counts one attempt under <paramref name="key"/>; answers the count in the window and when the window ends.</summary>
    public async Task<(int Count, DateTimeOffset WindowEnds)> CountAsync(string key, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            with forgotten as (
                delete from {Schema}.{Table} where key in
                    (select key from {Schema}.{Table} where last_at < $3 - interval '1 day' and key <> $1 order by last_at limit 20 for update skip locked))
            insert into {Schema}.{Table} as a (key, window_start, count, last_at) values ($1, $3, 1, $3)
            on conflict (key) do update set
                count = case when a.window_start > $3 - $2 then a.count + 1 else 1 end,
                window_start = case when a.window_start > $3 - $2 then a.window_start else $3 end,
                last_at = $3
            returning count, window_start
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1) + window);
    }

    /// <summary>The count under <paramref name="key"/> and its last attempt, when its window is still open.</summary>
    public async Task<(int Count, DateTimeOffset LastAt)?> ReadAsync(string key, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select count, last_at from {Schema}.{Table} where key = $1 and window_start > $2 - $3");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    public async Task ForgetAsync(string key, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"delete from {Schema}.{Table} where key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The address a limit counts: an IPv4 address as it is (also when it comes as IPv4-mapped IPv6), an IPv6 address by
    /// its /64 network (one subscriber's line hands out a whole /64). Unknown (no connection address): one shared key.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
