using Marketplace.Reliability.Tests.Suite;
using Npgsql;
using Xunit.Sdk;

namespace Marketplace.Reliability.Tests;

/// <summary>The money invariants check itself: it holds on a sound world and fails when a ledger entry goes missing.</summary>
[Collection(SuiteCollection.Name)]
public sealed class InvariantsTests(SuiteApp app)
{
    [Fact]
    public async Task Given_a_ledger_entry_removed_behind_the_platforms_back_Then_the_invariants_fail_and_hold_again_once_it_is_back()
    {
        var world = await app.NewWorldAsync();
        await app.Snapshot.QuietAsync();
        await app.Invariants.CheckAsync();
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var table = $"payouts.tampered_{Guid.NewGuid():N}";
        await Sql(connection, $"""
            create table {table} as select * from payouts.mt_doc_ledgerentry
              where data ->> 'cooperativeId' = '{world.CoopB.Id}' and data ->> 'kind' = 'delivery' limit 1;
            delete from payouts.mt_doc_ledgerentry where id in (select id from {table});
            """);
        try
        {
            var check = () => app.Invariants.CheckAsync();
            (await check.Should().ThrowAsync<XunitException>()).Which.Message.Should().Contain(world.CoopB.Id.ToString());
        }
        finally
        {
            await Sql(connection, $"insert into payouts.mt_doc_ledgerentry select * from {table}; drop table {table};");
        }
        await app.Invariants.CheckAsync();
    }

    private static async Task Sql(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        (await command.ExecuteNonQueryAsync()).Should().BeGreaterThan(0, sql);
    }
}
