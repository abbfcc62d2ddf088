using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Officer.Review;

/// <summary>
/// One submitted request of the officer's own agency, by reference number, for the review page:
/// header, legal clock, applicant (account NIK masked), answers in the request's own form version,
/// documents, the full timeline with internal notes, and what changed in the last correction round.
/// Any other agency's request or an unknown reference gives null (the page says 404). Opening it
/// writes a RequestViewed audit entry: the citizen will see who looked at their data.
/// </summary>
public sealed class GetRequestForReview(
    IPortalDbContext db,
    WorkingCalendarProvider calendars,
    IApplicantProfiles applicants,
    IStaffDirectory staffDirectory,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The id and version of a request the staff member may work on, or null (404).</summary>
    public async Task<(Guid Id, int Version)?> LocateAsync(string? referenceNumber, StaffMember staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var reference = ReferenceNumber.Normalize(referenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference) || staff.AgencyId is not { } agencyId || !staff.IsOfficer)
            return null;
        var found = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.ReferenceNumber == reference && r.AgencyId == agencyId && r.SubmittedAtUtc != null)
            .Select(r => new { r.Id, r.Version })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.Version);
    }

    /// <param name="recordView">False when the page is shown again after a decision on the same visit.</param>
    public async Task<RequestReview?> FindAsync(string? referenceNumber, StaffMember staff, bool recordView, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var reference = ReferenceNumber.Normalize(referenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference) || staff.AgencyId is not { } agencyId || !staff.IsOfficer)
            return null;

        var header = await (
                from r in db.ServiceRequests.AsNoTracking()
                where r.ReferenceNumber == reference && r.AgencyId == agencyId && r.SubmittedAtUtc != null
                join s in db.Services on r.ServiceId equals s.Id
                join f in db.ServiceFormVersions on r.FormVersionId equals f.Id
                select new
                {
                    r.Id,
                    r.Version,
                    s.Name,
                    s.Workflow,
                    Form = f.Definition,
                    r.Channel,
                    r.CurrentStep,
                    r.AssignedOfficerId,
                    r.ApplicantUserId,
                    SubmittedAtUtc = r.SubmittedAtUtc!.Value,
                    r.CorrectionRound,
                    r.DecisionReason,
                    Answers = EF.Property<Dictionary<string, string>>(r, "_answers"),
                    Clock = new LegalClock(r.Status, r.ServiceDays, r.ClockStartedOn, r.DueOn, r.ClockPausedOn, r.PausedWorkingDays, r.DecidedAtUtc, r.UpdatedAtUtc),
                })
            .FirstOrDefaultAsync(ct);
        if (header is null)
            return null;

        var events = await db.RequestEvents.AsNoTracking()
            .Where(e => e.RequestId == header.Id)
            .Select(e => new { e.AtUtc, e.Kind, e.FromStatus, e.ToStatus, e.ActorUserId, e.ActorName, e.ActorRole, e.Note })
            .ToListAsync(ct);
        var timeline = events
            .OrderBy(e => e.AtUtc).ThenBy(e => SameMomentOrder(e.Kind))
            .Select(e => new ReviewTimelineEntry(e.AtUtc, e.Kind, e.FromStatus, e.ToStatus, e.ActorName, e.ActorRole,
                e.ActorUserId is not null && e.ActorUserId == header.ApplicantUserId, e.Note))
            .ToList();

        var allDocuments = await db.RequestDocuments.AsNoTracking()
            .Where(d => d.RequestId == header.Id)
            .Select(d => new { d.Id, d.RequirementKey, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAtUtc, d.ReplacedAtUtc })
            .ToListAsync(ct);
        var documentOrder = header.Form.Documents.Select(d => d.Key).ToList();
        var documents = allDocuments
            .Where(d => d.ReplacedAtUtc == null)
            .OrderBy(d => IndexOr(documentOrder.IndexOf(d.RequirementKey), int.MaxValue)).ThenBy(d => d.UploadedAtUtc)
            .Select(d => new ReviewDocument(d.Id, d.RequirementKey, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAtUtc))
            .ToList();

        List<CorrectionChange> changes = [];
        if (header.CorrectionRound > 0)
        {
            var round = header.CorrectionRound;
            var items = await db.ServiceRequests.AsNoTracking()
                .Where(r => r.Id == header.Id)
                .SelectMany(r => r.Corrections)
                .Where(c => c.Round == round && c.ResolvedAtUtc != null)
                .Select(c => new { c.Target, c.TargetKey, c.Reason, c.PreviousValue, c.NewValue, c.ResolvedAtUtc })
                .ToListAsync(ct);
            foreach (var item in items)
            {
                if (item.Target == CorrectionTarget.Field)
                {
                    changes.Add(new CorrectionChange(item.Target, item.TargetKey, item.Reason, item.PreviousValue, item.NewValue));
                    continue;
                }

                // The file the citizen replaced: the newest one of that requirement replaced by the resubmission.
                var ofKey = allDocuments.Where(d => d.RequirementKey == item.TargetKey).OrderBy(d => d.UploadedAtUtc).ToList();
                var current = ofKey.LastOrDefault(d => d.ReplacedAtUtc == null);
                var previous = ofKey.LastOrDefault(d => d.ReplacedAtUtc != null && d.ReplacedAtUtc <= item.ResolvedAtUtc);
                changes.Add(new CorrectionChange(item.Target, item.TargetKey, item.Reason, previous?.FileName, item.NewValue ?? current?.FileName,
                    previous?.Id, current?.Id));
            }

            var fieldOrder = header.Form.Fields.Select(f => f.Key).ToList();
            changes = [.. changes.OrderBy(c => c.Target == CorrectionTarget.Field
                ? IndexOr(fieldOrder.IndexOf(c.Key), 10_000)
                : 20_000 + IndexOr(documentOrder.IndexOf(c.Key), 10_000))];
        }

        string? applicantName = null, applicantNik = null;
        if (header.ApplicantUserId is { } applicantId && await applicants.FindAsync(applicantId, ct) is { } profile)
        {
            applicantName = profile.FullName;
            applicantNik = profile.Nik is { } nik && Nik.TryParse(nik, out var parsed, out _) ? parsed.Masked : null;
        }

        string? assignedName = null;
        if (header.AssignedOfficerId is { } assignedId)
            assignedName = assignedId == staff.UserId ? staff.Name : (await staffDirectory.FindAsync(assignedId, ct))?.FullName;

        var today = PalopoTime.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        int? daysLeft = null;
        if (header.Clock.DueOn is { } due && RequestLifecycle.IsOpen(header.Clock.Status))
        {
            var from = header.Clock.PausedOn ?? today;
            daysLeft = due >= from ? calendar.WorkingDaysBetween(from, due) : -calendar.WorkingDaysBetween(due, from);
        }

        if (recordView)
        {
            audit.Record(AuditAction.RequestViewed, staff, nameof(ServiceRequest), header.Id, header.ApplicantUserId, reference);
            await db.SaveChangesAsync(ct);
        }

        return new RequestReview(
            header.Id, reference, header.Version, header.Name, header.Channel, header.Clock.Status,
            header.Workflow, header.CurrentStep, header.AssignedOfficerId, assignedName,
            header.ApplicantUserId, applicantName, applicantNik,
            header.SubmittedAtUtc, header.Clock.DueOn, header.Clock.ServiceDays, header.Clock.WorkingDaysElapsed(calendar, today), daysLeft,
            header.Clock.PausedOn, header.Clock.IsOverdue(today), header.DecisionReason, header.CorrectionRound,
            header.Form, header.Answers, timeline, documents, changes);
    }

    /// <summary>Keeps the order of events the domain records at the same instant (see GetRequestDetails).</summary>
    private static int SameMomentOrder(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Created => 0,
        RequestEventKind.Assigned or RequestEventKind.StepApproved or RequestEventKind.ClockResumed => 1,
        RequestEventKind.StatusChanged => 2,
        RequestEventKind.ClockPaused => 3,
        _ => 4,
    };

    private static int IndexOr(int index, int fallback) => index < 0 ? fallback : index;
}
