using System.ComponentModel.DataAnnotations;

namespace Marketplace.Orders.Domain;

/// <summary>Marketplace:Orders.</summary>
internal sealed class OrdersOptions
{
    public const string Section = "Marketplace:Orders";

    /// <summary>How long a card order waits for its payment before it is cancelled and its stock released.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Cron of the job that cancels unpaid card orders (every minute).</summary>
    public string ExpiryCron { get; set; } = "* * * * *";

    /// <summary>Cron of the job that issues the refunds a gateway outage left owed (every minute).</summary>
    public string RefundRetryCron { get; set; } = "* * * * *";

    /// <summary>Seconds before a refund the gateway could not issue is tried again, after each attempt (the last repeats).</summary>
    [Required]
    [RegularExpression(@"^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$")]
    public string RefundRetrySeconds { get; set; } = "60,300,1800,7200";
}
