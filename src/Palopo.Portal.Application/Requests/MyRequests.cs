using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

/// <summary>One line of "my requests". <see cref="ReferenceNumber"/> is null for a draft.</summary>
public sealed record MyRequestItem(
    Guid Id,
    string? ReferenceNumber,
    LocalizedText ServiceName,
    string ServiceSlug,
    RequestStatus Status,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    DateOnly? DueOn,
    int ServiceDays,
    int WorkingDaysElapsed,
    bool IsOpen,
    bool IsClockPaused,
    bool IsOverdue);

/// <summary>A page of a citizen's requests, newest first.</summary>
public sealed record MyRequestsPage(IReadOnlyList<MyRequestItem> Items, int Page, bool HasPrevious, bool HasNext);

/// <summary>
/// The signed-in citizen's own requests (/permohonan), drafts included, newest first, 20 a page.
/// Reads over the (ApplicantUserId, CreatedAtUtc) index; a citizen has a handful of requests, so
/// plain page numbers are enough.
/// </summary>
public sealed class MyRequests(IPortalDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<MyRequestsPage> ListAsync(Guid applicantUserId, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 10_000);
        var rows = await (
                from r in db.ServiceRequests.AsNoTracking()
                where r.ApplicantUserId == applicantUserId
                join s in db.Services on r.ServiceId equals s.Id
                orderby r.CreatedAtUtc descending, r.Id descending
                select new
                {
                    r.Id,
                    r.ReferenceNumber,
                    s.Name,
                    s.Slug,
                    r.CreatedAtUtc,
                    r.SubmittedAtUtc,
                    Clock = new LegalClock(r.Status, r.ServiceDays, r.ClockStartedOn, r.DueOn, r.ClockPausedOn, r.PausedWorkingDays, r.DecidedAtUtc, r.UpdatedAtUtc),
                })
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(ct);

        var today = PalopoTime.Today(clock);
        var calendar = rows.Count == 0 ? null : await calendars.GetAsync(ct);
        var items = rows.Take(PageSize)
            .Select(r => new MyRequestItem(
                r.Id, r.ReferenceNumber, r.Name, r.Slug, r.Clock.Status, r.CreatedAtUtc, r.SubmittedAtUtc, r.Clock.DueOn, r.Clock.ServiceDays,
                r.Clock.WorkingDaysElapsed(calendar!, today), RequestLifecycle.IsOpen(r.Clock.Status), r.Clock.IsPaused, r.Clock.IsOverdue(today)))
            .ToList();
        return new MyRequestsPage(items, page, page > 1, rows.Count > PageSize);
    }
}
