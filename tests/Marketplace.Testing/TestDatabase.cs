using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A fresh database mp_test_&lt;guid&gt; on the PostgreSQL that build/test.sh started ($MARKETPLACE_TEST_PG,
/// a connection string to its 'postgres' database), dropped at the end. No stand-ins: the real thing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string admin;
    public string Name { get; }
    public string ConnectionString { get; }

    private TestDatabase(string admin, string name)
    {
        this.admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 60 }.ConnectionString;
    }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("MARKETPLACE_TEST_PG") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException(
                "MARKETPLACE_TEST_PG is not set: run the tests with ./build/test.sh, which starts PostgreSQL and sets it.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase(AdminConnectionString, $"mp_test_{Guid.NewGuid():N}");
        await using var connection = new NpgsqlConnection(db.admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {db.Name}", connection);
        await create.ExecuteNonQueryAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
