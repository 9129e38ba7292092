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
}
