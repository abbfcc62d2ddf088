using Palopo.Portal.Domain.Calendar;

namespace Palopo.Portal.Domain.Requests;

/// <summary>
/// A request's legal clock as plain values, so a list of requests can be read as a projection
/// (without loading each aggregate) and still count days exactly as <see cref="ServiceRequest"/> does.
/// </summary>
public sealed record LegalClock(
    RequestStatus Status,
    int ServiceDays,
    DateOnly? StartedOn,
    DateOnly? DueOn,
    DateOnly? PausedOn,
    int PausedWorkingDays,
    DateTime? DecidedAtUtc,
    DateTime UpdatedAtUtc)
{
    public static LegalClock Of(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Status, request.ServiceDays, request.ClockStartedOn, request.DueOn, request.ClockPausedOn,
            request.PausedWorkingDays, request.DecidedAtUtc, request.UpdatedAtUtc);
    }

    public bool IsPaused => PausedOn is not null;

    /// <summary>Working days used so far, not counting days the request waited on the citizen.</summary>
    public int WorkingDaysElapsed(WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (StartedOn is not { } start)
            return 0;
        var end = PausedOn ?? (RequestLifecycle.IsFinal(Status) || Status == RequestStatus.Approved ? PalopoDate.FromUtc(DecidedAtUtc ?? UpdatedAtUtc) : today);
        return Math.Max(0, calendar.WorkingDaysBetween(start, end) - PausedWorkingDays);
    }

    public bool IsOverdue(DateOnly today) => RequestLifecycle.IsOpen(Status) && !IsPaused && DueOn is { } due && today > due;
}
