using System.ComponentModel.DataAnnotations;

namespace Marketplace.Payouts;

/// <summary>Marketplace:Payouts.</summary>
internal sealed class PayoutsOptions
{
    public const string Section = "Marketplace:Payouts";

    /// <summary>A cooperative is paid only when what it is owed (available - owedToPlatform) reaches this, in MAD.</summary>
    [Range(typeof(decimal), "0.01", "1000000")]
    public decimal MinimumPayout { get; set; } = 100m;

    /// <summary>The commission rate until an administrator sets one.</summary>
    [Range(typeof(decimal), "0", "0.5")]
    public decimal DefaultCommissionRate { get; set; } = 0.10m;

    /// <summary>Cron of the weekly payout run, in <see cref="TimeZone"/> (Monday 06:00).</summary>
    [Required]
    public string WeeklyRunCron { get; set; } = "0 6 * * 1";

    /// <summary>The time zone of periods, statements and the weekly run.</summary>
    [Required]
    public string TimeZone { get; set; } = "Africa/Casablanca";

    /// <summary>Days after its delivery before a card sale is available to pay out (0: at delivery); until then it is pending.</summary>
    [Range(0, 90)]
    public int CardHoldDays { get; set; } = 7;

    /// <summary>Cron of the job that makes delivered card sales available when their hold is over (every 15 minutes).</summary>
    [Required]
    public string CardReleaseCron { get; set; } = "*/15 * * * *";

    /// <summary>A bank transfer sent longer ago than this without a matching statement line is shown to administrators.</summary>
    [Range(1, 60)]
    public int ReconciliationGraceDays { get; set; } = 5;
}
