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

    /// <summary>Waits until nothing is written any more (the async daemon and the outbox have caught up): no change for about a second.</summary>
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
