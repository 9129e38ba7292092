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
            "where n.nspname = 'catalogue' and c.relname = 'catalogue_product_search'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetFieldValue<uint>(0), reader.GetString(1)) : null;
    }

    [Fact]
    public async Task The_search_index_is_a_gin_index_on_the_searched_vector_and_another_host_starting_leaves_it_alone()
    {
        var before = await IndexAsync();
        before.Should().NotBeNull();
        before!.Value.Definition.Should().Contain("USING gin").And.Contain("'simple'::regconfig").And.Contain("'french'::regconfig")
            .And.Contain("'english'::regconfig");

        await using (var second = new MarketplaceApp(app.Database))
            await second.InitializeAsync();

        (await IndexAsync())!.Value.Oid.Should().Be(before.Value.Oid, "a second node must not rebuild the index at each start");
    }
}
