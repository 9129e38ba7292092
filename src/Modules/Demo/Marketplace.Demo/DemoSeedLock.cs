using Npgsql;

namespace Marketplace.Demo;

/// <summary>
/// A PostgreSQL session advisory lock held while one Host seeds: a second Host that starts at the same moment waits,
/// then finds the data there. Every step of the seed is idempotent anyway, so when the lock cannot be had in time
/// (a Host stuck while holding it) seeding goes on without it.
/// </summary>
internal sealed class DemoSeedLock : IAsyncDisposable
{
    /// <summary>"MPDEMO" in ASCII: apart from Marten's lock ids (small numbers plus each module's offset).</summary>
    private const long Key = 0x4D50_4445_4D4F;

    private readonly NpgsqlConnection? connection;

    private DemoSeedLock(NpgsqlConnection? connection) => this.connection = connection;

    public bool Held => connection is not null;

    public static async Task<DemoSeedLock> AcquireAsync(NpgsqlDataSource database, TimeSpan wait, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct);
        var deadline = DateTime.UtcNow + wait;
        try
        {
            while (true)
            {
                await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", Key);
                if ((bool)(await command.ExecuteScalarAsync(ct))!) return new DemoSeedLock(connection);
                if (DateTime.UtcNow > deadline)
                {
                    await connection.DisposeAsync();
                    return new DemoSeedLock(null);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Unlocks (should that fail, the session's end releases the lock: it is a session lock).</summary>
    public async ValueTask DisposeAsync()
    {
        if (connection is null) return;
        await using (var command = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", Key);
            try { await command.ExecuteScalarAsync(); }
            catch (NpgsqlException) { /* the connection is gone, and the lock with it */ }
        }
        await connection.DisposeAsync();
    }
}
