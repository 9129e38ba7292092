using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// Real faults in the real database, for the background paths: a trigger makes the inserts into a table fail (a PostgreSQL
/// error) or hang, when the row (as JSON text) contains every given fragment, a given number of times. The count is a
/// PostgreSQL sequence, so it holds across the rolled-back transactions of the failing attempts.
/// </summary>
public sealed class DatabaseFaults(string connectionString)
{
    public const int Always = int.MaxValue;

    /// <summary>The next <paramref name="times"/> inserts into <paramref name="table"/> of rows that contain every fragment fail.</summary>
    public Task<Fault> FailAsync(string table, int times, params string[] fragments) => AddAsync(table, times, 0, fragments);

    /// <summary>The next <paramref name="times"/> such inserts wait <paramref name="seconds"/> first (longer than a receiver may take).</summary>
    public Task<Fault> DelayAsync(string table, int times, double seconds, params string[] fragments) => AddAsync(table, times, seconds, fragments);

    private async Task<Fault> AddAsync(string table, int times, double seconds, string[] fragments)
    {
        var name = $"test_fault_{Guid.NewGuid():N}";
        var trigger = $"test_fault_{table.Replace('.', '_')}";
        await ExecuteAsync($"""
            begin;
            select pg_advisory_xact_lock(20261206);
            create table if not exists public.test_faults (name text primary key, tbl text not null, fragments text[] not null,
                times bigint not null, sleep_seconds float8 not null);
            create or replace function public.test_fault() returns trigger language plpgsql as $f$
            declare f record; r text := row_to_json(NEW)::text;
            begin
              for f in select * from public.test_faults where tbl = TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME loop
                if (select bool_and(position(x in r) > 0) from unnest(f.fragments) x) and nextval('public.' || f.name) <= f.times then
                  if f.sleep_seconds > 0 then perform pg_sleep(f.sleep_seconds);
                  else raise exception 'fault injected by the test (%)', f.name; end if;
                end if;
              end loop;
              return NEW;
            end $f$;
            drop trigger if exists {trigger} on {table};
            create trigger {trigger} before insert on {table} for each row execute function public.test_fault();
            create sequence public.{name};
            insert into public.test_faults values ('{name}', '{table}', @fragments, {times}, {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)});
            commit;
            """, fragments);
        return new Fault(this, name);
    }

    private async Task ExecuteAsync(string sql, string[]? fragments = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (fragments is not null) command.Parameters.AddWithValue("fragments", fragments);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A fault in place; disposing it is the fix.</summary>
    public sealed class Fault(DatabaseFaults faults, string name) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(faults.ExecuteAsync($"delete from public.test_faults where name = '{name}'"));
    }
}
