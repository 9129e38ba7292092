using System.Globalization;

namespace Marketplace.Tourism.Domain;

/// <summary>Slots' days and times as the cooperatives and their visitors count them: Africa/Casablanca's.</summary>
internal static class LocalTime
{
    public static readonly TimeZoneInfo Casablanca = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    /// <summary>"2027-03-06T09:00" (Casablanca's day and time) or an instant with its offset ("…+01:00", "…Z"); null otherwise.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)) return At(DateOnly.FromDateTime(wall), TimeOnly.FromDateTime(wall));
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(text)
            ? instant.ToUniversalTime() : null;
    }

    /// <summary>The instant of a Casablanca day and time (a time skipped by a clock change moves to the next valid one).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var wall = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (Casablanca.IsInvalidTime(wall)) wall = wall.AddMinutes(30);
        return new DateTimeOffset(wall, Casablanca.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>The instant shown with Casablanca's offset.</summary>
    public static DateTimeOffset InCasablanca(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Casablanca);

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
}
