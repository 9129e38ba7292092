using Npgsql;

namespace Marketplace.Catalogue.Tests.Integration;

[Collection(CatalogueCollection.Name)]
public sealed class SearchIndexTests(CatalogueApp app)
{
    private async Task<(uint Oid, string Definition)?> IndexAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select c.oid, pg_get_indexdef(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
            "where n.nspname = 'catalogue' and c.relname = 'product_search_vector'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetFieldValue<uint>(0), reader.GetString(1)) : null;
    }

    [Fact]
    public async Task The_search_index_is_a_gin_index_on_the_stored_vector_of_the_search_table_and_another_host_starting_leaves_it_alone()
    {
        var before = await IndexAsync();
        before.Should().NotBeNull();
        before!.Value.Definition.Should().Contain("catalogue.product_search USING gin (vector)",
            "search reads a stored tsvector of the search table, not one recomputed from the documents' JSON");

        await using (var second = new SecondNode(app.Database))
            await second.InitializeAsync();

        (await IndexAsync())!.Value.Oid.Should().Be(before.Value.Oid, "a second node must not rebuild the index at each start");
    }
}
