using Marketplace.Catalogue.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// At start (after the store's schema is applied), gives a search row to every product that has none: those recorded
/// before the search table existed. Their documents hold the folded text, so the row is made in SQL. Idempotent.
/// </summary>
internal sealed class ProductSearchBackfill(NpgsqlDataSource database, ICatalogueStore store, ILogger<ProductSearchBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var products = store.Options.Schema.For<Product>(true);
        var search = $"{store.Options.DatabaseSchemaName}.{ProductSearchRows.Table}";
        await using var command = database.CreateCommand(
            $"insert into {search} (id, cooperative_id, status, category, province, price, published_at, labels, vector) " +
            "select d.id, d.cooperative_id, d.status, d.category, d.province, d.price, d.published_at, " +
            "array(select l->>'code' from jsonb_array_elements(coalesce(d.data->'certifiedLabels', '[]'::jsonb)) l), " + SearchFields.VectorSql("d.data") +
            $" from {products} d where not exists (select 1 from {search} s where s.id = d.id) on conflict (id) do nothing");
        var added = await command.ExecuteNonQueryAsync(ct);
        if (added == 0) return;
        await using (var raise = database.CreateCommand(SearchVersion.RaiseSql(store.Options.DatabaseSchemaName)))
            await raise.ExecuteNonQueryAsync(ct);
        logger.LogInformation("Search rows made for {Count} products recorded before the search table", added);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
