namespace Palopo.Portal.Application.Common;

/// <summary>Palopo keeps Central Indonesian Time (WITA, UTC+8, no daylight saving): "today" for the legal clock is Palopo's today.</summary>
public static class PalopoTime
{
    public static readonly TimeSpan Offset = Domain.Calendar.PalopoDate.Offset;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset;
}
