using System.Globalization;

namespace Marketplace.Payouts.Domain;

/// <summary>Days, months and weeks as people in Morocco count them (Africa/Casablanca by default).</summary>
internal sealed class LocalCalendar(TimeZoneInfo zone)
{
    public static LocalCalendar For(string timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public TimeZoneInfo Zone => zone;

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The first instant of a day, in UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30); // a clock change at midnight
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The end of a day (exclusive): the first instant of the next day.</summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    public (DateTimeOffset From, DateTimeOffset To) Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (StartOf(first), StartOf(first.AddMonths(1)));
    }

    public DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    /// <summary>The Sunday that ends the week (Monday to Sunday) of a day: the key of that week's payouts.</summary>
    public static DateOnly WeekEnd(DateOnly day) => day.AddDays((7 - (int)day.DayOfWeek) % 7);

    /// <summary>"2026-W48": the ISO week of a day.</summary>
    public static string IsoWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}";
    }
}
