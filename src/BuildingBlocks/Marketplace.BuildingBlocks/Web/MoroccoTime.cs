using System.Globalization;

namespace Marketplace.BuildingBlocks;

/// <summary>The platform's days are Morocco's (Africa/Casablanca): "today" for dates people type, validity and expiry.</summary>
public static class MoroccoTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}

/// <summary>Days as the API writes them: yyyy-MM-dd.</summary>
public static class IsoDay
{
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
