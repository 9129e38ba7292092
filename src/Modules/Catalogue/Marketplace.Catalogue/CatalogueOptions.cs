using System.ComponentModel.DataAnnotations;

namespace Marketplace.Catalogue;

/// <summary>Marketplace:Catalogue.</summary>
internal sealed class CatalogueOptions
{
    /// <summary>How long a stock reservation waits for its order before the expiry job gives it back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the expiry job runs (a cron expression).</summary>
    public string ExpiryCron { get; set; } = "* * * * *";

    /// <summary>How many checkout reservations a node makes at once, each for a batch of the checkouts that waited (more
    /// suit a node with more cores; each holds a database connection and its products' locks until its commit).</summary>
    [Range(1, 64)]
    public int CheckoutWorkers { get; set; } = 2;
}
