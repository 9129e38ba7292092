using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Marketplace.BuildingBlocks;

/// <summary>Marketplace:Outbox: how integration events are retried for a receiver that fails.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Marketplace:Outbox";

    /// <summary>Attempts per receiver and event, the first included, before the event is parked for that receiver.</summary>
    [Range(1, 100)]
    public int Attempts { get; set; } = 6;

    /// <summary>Seconds to wait after each failed attempt (the last value repeats), comma-separated.</summary>
    [Required]
    public string BackoffSeconds { get; set; } = "2,10,60,300,1800";

    /// <summary>How long one receiver may take over one event: longer counts as a failed attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many streams' events one receiver takes at the same time (the events of each stream in order): a receiver
    /// waits on its database for each event, and the events of different orders or products do not depend on each other.
    /// </summary>
    [Range(1, 64)]
    public int StreamsAtOnce { get; set; } = 1;

    /// <summary>How often the retries are looked for when nothing wakes them.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan BackoffAfter(int attempt)
    {
        var delays = BackoffSeconds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return delays.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(delays[Math.Clamp(attempt - 1, 0, delays.Length - 1)]);
    }
}
