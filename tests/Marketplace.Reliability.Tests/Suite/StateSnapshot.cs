using Npgsql;

namespace Marketplace.Reliability.Tests.Suite;

/// <summary>
/// What the platform holds, in a few numbers per table of every module's Marten store: for each document table its row
/// count and latest modification, for each event table its count and latest sequence number, for stream tables their
/// count and summed versions. Two equal snapshots: nothing was written in between (inserts, updates, deletes, appends).
/// </summary>
public sealed class StateSnapshot(string connectionString)
{
    private string? query;

    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        query ??= await BuildQueryAsync(connection);
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var state = new Dictionary<string, string>();
        while (await reader.ReadAsync()) state[reader.GetString(0)] = reader.GetString(1);
        return state;
    }

    /// <summary>
    /// Waits until nothing is written any more: no change for about a second, every store's async daemon (projections and
    /// outboxes) at its last event, and no integration event waiting for a retry. On a busy machine a receiver may work for
    /// over a second without writing; the daemon's progress says it has not finished.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> QuietAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = await TakeAsync();
        var quiet = 0;
        while (quiet < 3)
        {
            await Task.Delay(300);
            var now = await TakeAsync();
            var changes = Changes(last, now);
            if (changes.Count == 0 && await BusyAsync() is { } busy) changes = [busy];
            quiet = changes.Count == 0 ? quiet + 1 : 0;
            if (quiet == 0 && DateTime.UtcNow > deadline) throw new TimeoutException("The platform kept writing: " + string.Join(", ", changes));
            last = now;
        }
        return last;
    }

    /// <summary>What differs; a table that appeared empty (Marten creates some on first use, even by a read) is no change.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(a => before.TryGetValue(a.Key, out var b) ? b != a.Value : !a.Value.StartsWith("0 ")).Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} -> {a.Value}")
            .Concat(before.Keys.Except(after.Keys).Select(k => $"{k} dropped")).ToList();

    /// <summary>What is still going on: a daemon behind its store's last event, or an integration event due for a retry; null when nothing.</summary>
    private async Task<string?> BusyAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand("""
            select table_schema from information_schema.tables where table_name = 'mt_event_progression'
            intersect select table_schema from information_schema.tables where table_name = 'mt_events'
            """, connection);
        var schemas = new List<string>();
        await using (var reader = await find.ExecuteReaderAsync())
            while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        foreach (var schema in schemas)
        {
            await using var behind = new NpgsqlCommand($"""
                select string_agg(name, ', ') from "{schema}".mt_event_progression
                where name not like 'HighWater%' and last_seq_id < (select coalesce(max(seq_id), 0) from "{schema}".mt_events)
                """, connection);
            if (await behind.ExecuteScalarAsync() is string names) return $"{schema}: {names} behind";
            await using var retrying = new NpgsqlCommand($"""
                select count(*) from information_schema.tables t where t.table_schema = '{schema}' and t.table_name = 'mt_doc_outboxdelivery'
                """, connection);
            if ((long)(await retrying.ExecuteScalarAsync())! == 0) continue;
            await using var due = new NpgsqlCommand($"""
                select count(*) from "{schema}".mt_doc_outboxdelivery where data ->> 'parkedAt' is null
                """, connection);
            if ((long)(await due.ExecuteScalarAsync())! > 0) return $"{schema}: integration events waiting for a retry";
        }
        return null;
    }

    private static async Task<string> BuildQueryAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            select table_schema, table_name from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'hangfire')
              and (table_name like 'mt_doc_%' or table_name in ('mt_events', 'mt_streams'))
            order by 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            var (schema, table) = (reader.GetString(0), reader.GetString(1));
            var name = $"\"{schema}\".\"{table}\"";
            var measure = table switch
            {
                "mt_events" => "coalesce(max(seq_id), 0)::text",
                "mt_streams" => "coalesce(sum(version), 0)::text",
                _ => "coalesce(max(mt_last_modified)::text, '')",
            };
            parts.Add($"select '{schema}.{table}', count(*)::text || ' ' || {measure} from {name}");
        }
        if (parts.Count == 0) throw new InvalidOperationException("No Marten table found: is the database created?");
        return string.Join("\nunion all ", parts);
    }
}
