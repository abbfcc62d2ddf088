namespace Palopo.Portal.Domain.Calendar;

/// <summary>
/// Palopo keeps Central Indonesian Time (WITA, UTC+8, no daylight saving). Working days are
/// Palopo's calendar days, so a moment stored in UTC is turned into a date in WITA.
/// </summary>
public static class PalopoDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly FromUtc(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset);
}
