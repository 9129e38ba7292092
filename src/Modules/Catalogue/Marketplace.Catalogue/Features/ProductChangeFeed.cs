using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// Listens to the products' changes (<see cref="KeptProductPages.Channel"/>) on a connection of its own, outside the pool
/// (LISTEN is session state), and makes the kept pages forget what changed. When the connection fails, or stays silent
/// and does not answer a ping within seconds, the pages are read from the database until it listens again.
/// </summary>
internal sealed class ProductChangeFeed(IConfiguration config, KeptProductPages pages, ILogger<ProductChangeFeed> logger) : BackgroundService
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(config.GetConnectionString("Marketplace"))
        {
            Pooling = false, ApplicationName = "marketplace-product-changes", CommandTimeout = 5,
        }.ConnectionString;
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                if (pages.IsListening) failures = 0; // it listened, then lost the connection: try again soon
                logger.LogWarning(e, "Product changes: not listening; product pages are read from the database until it listens again");
            }
            finally { pages.Listening(false); }
            // 1 s, then longer while it keeps failing (a database that refuses LISTEN), up to 30 s.
            var wait = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures++, 5)));
            await Task.Delay(wait, stop).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stop);
        connection.Notification += (_, e) => pages.Heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"listen {KeptProductPages.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stop);
        pages.Listening(true);
        while (true)
            if (!await connection.WaitAsync(Ping, stop)) // silent for a while: is the connection still there?
                await using (var ping = new NpgsqlCommand("select 1", connection))
                    await ping.ExecuteNonQueryAsync(stop);
    }
}
