using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Requests;

/// <summary>Who did something, as the applicant sees it: themselves ("Anda"), a named civil servant, or the system.</summary>
public enum TimelineActor
{
    You,
    Staff,
    System,
}

/// <summary>One visible timeline entry. Internal staff notes never become one.</summary>
public sealed record TimelineEntry(
    DateTime AtUtc, RequestEventKind Kind, RequestStatus? FromStatus, RequestStatus? ToStatus,
    TimelineActor Actor, string? StaffName, string? StaffRole, string? Note);

public sealed record RequestDocumentItem(Guid Id, string RequirementKey, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc);

/// <summary>A field or document the officer flagged in the current round, and why.</summary>
public sealed record OpenCorrectionItem(CorrectionTarget Target, string Key, string Reason);

/// <summary>Everything the applicant's own request page shows.</summary>
public sealed record RequestDetails(
    Guid Id,
    string ReferenceNumber,
    LocalizedText ServiceName,
    string ServiceSlug,
    LocalizedText AgencyName,
    RequestChannel Channel,
    RequestStatus Status,
    DateTime SubmittedAtUtc,
    DateOnly? DueOn,
    int ServiceDays,
    int WorkingDaysElapsed,
    DateOnly? ClockPausedOn,
    bool IsOverdue,
    string? DecisionReason,
    int Version,
    FormDefinition Form,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<RequestDocumentItem> Documents,
    IReadOnlyList<OpenCorrectionItem> Corrections)
{
    public bool IsOpen => RequestLifecycle.IsOpen(Status);

    public bool CanWithdraw => RequestLifecycle.IsOpen(Status);

    public bool NeedsCorrection => Status == RequestStatus.NeedsCorrection;

    public bool IsClockPaused => ClockPausedOn is not null;

    public IEnumerable<OpenCorrectionItem> FlaggedFields => Corrections.Where(c => c.Target == CorrectionTarget.Field);

    public IEnumerable<OpenCorrectionItem> FlaggedDocuments => Corrections.Where(c => c.Target == CorrectionTarget.Document);
}

/// <summary>
/// One submitted request of the signed-in citizen, by reference number: status, legal clock,
/// timeline, answers (rendered with the request's own form version, so a later form change cannot
/// break it), documents and any open correction. Anyone else's reference gives null (the page says 404).
/// </summary>
public sealed class GetRequestDetails(IPortalDbContext db, WorkingCalendarProvider calendars, TimeProvider clock, IMemoryCache cache)
{
    public async Task<RequestDetails?> FindAsync(string? referenceNumber, Guid applicantUserId, CancellationToken ct)
    {
        var reference = ReferenceNumber.Normalize(referenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference))
            return null;

        var header = await HeaderQuery.For(db)((DbContext)db, reference, applicantUserId, ct);
        if (header is null)
            return null;

        var form = await FormAsync(header.FormVersionId, ct);

        var events = await EventsQuery.For(db)((DbContext)db, header.Id).ToListAsync(ct);
        var timeline = events
            .OrderBy(e => e.AtUtc).ThenBy(e => SameMomentOrder(e.Kind))
            .Select(e =>
            {
                var actor = e.ActorUserId == applicantUserId ? TimelineActor.You
                    : e.ActorUserId is null || e.ActorRole == Actor.System.Role ? TimelineActor.System
                    : TimelineActor.Staff;
                return new TimelineEntry(e.AtUtc, e.Kind, e.FromStatus, e.ToStatus, actor,
                    actor == TimelineActor.Staff ? e.ActorName : null,
                    actor == TimelineActor.Staff ? e.ActorRole : null,
                    e.Note);
            })
            .ToList();

        var documents = await DocumentsQuery.For(db)((DbContext)db, header.Id).ToListAsync(ct);
        var documentOrder = form.Documents.Select(d => d.Key).ToList();
        documents = [.. documents.OrderBy(d => IndexOr(documentOrder.IndexOf(d.RequirementKey), int.MaxValue)).ThenBy(d => d.UploadedAtUtc)];

        List<OpenCorrectionItem> corrections = [];
        if (header.Clock.Status == RequestStatus.NeedsCorrection)
        {
            corrections = await db.ServiceRequests.AsNoTracking()
                .Where(r => r.Id == header.Id)
                .SelectMany(r => r.Corrections)
                .Where(c => c.Round == header.CorrectionRound && c.ResolvedAtUtc == null)
                .Select(c => new OpenCorrectionItem(c.Target, c.TargetKey, c.Reason))
                .ToListAsync(ct);
            corrections = [.. corrections.OrderBy(c => OrderInForm(form, c))];
        }

        var today = PalopoTime.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        return new RequestDetails(
            header.Id, reference, new LocalizedText(header.NameId, header.NameEn), header.Slug, header.AgencyName, header.Channel, header.Clock.Status,
            header.SubmittedAtUtc, header.Clock.DueOn, header.Clock.ServiceDays, header.Clock.WorkingDaysElapsed(calendar, today),
            header.Clock.PausedOn, header.Clock.IsOverdue(today), header.DecisionReason, header.Version,
            form, header.Answers, timeline, documents, corrections);
    }

    // The three reads every view of a request page makes, compiled (ADR 0014).
    private static readonly PerModelQuery<Func<DbContext, string, Guid, CancellationToken, Task<Header?>>> HeaderQuery = new(() =>
        EF.CompileAsyncQuery((DbContext db, string reference, Guid applicantUserId, CancellationToken ct) =>
            (from r in db.Set<ServiceRequest>().AsNoTracking()
             where r.ReferenceNumber == reference && r.ApplicantUserId == applicantUserId && r.SubmittedAtUtc != null
             join s in db.Set<Service>() on r.ServiceId equals s.Id
             join a in db.Set<Domain.Agencies.Agency>() on s.AgencyId equals a.Id
             select new Header(
                 r.Id,
                 r.FormVersionId,
                 // The name's columns, not the Service entity (its workflow and texts are large).
                 s.Name.Id,
                 s.Name.En,
                 s.Slug,
                 new LocalizedText(a.Name, a.NameEn),
                 r.Channel,
                 r.SubmittedAtUtc!.Value,
                 r.CorrectionRound,
                 r.DecisionReason,
                 r.Version,
                 EF.Property<Dictionary<string, string>>(r, "_answers"),
                 new LegalClock(r.Status, r.ServiceDays, r.ClockStartedOn, r.DueOn, r.ClockPausedOn, r.PausedWorkingDays, r.DecidedAtUtc, r.UpdatedAtUtc)))
            .FirstOrDefault()));

    private static readonly PerModelQuery<Func<DbContext, Guid, IAsyncEnumerable<EventRow>>> EventsQuery = new(() =>
        EF.CompileAsyncQuery((DbContext db, Guid requestId) =>
            db.Set<RequestEvent>().AsNoTracking()
                .Where(e => e.RequestId == requestId && e.Kind != RequestEventKind.InternalNote)
                .OrderBy(e => e.AtUtc)
                .Select(e => new EventRow(e.AtUtc, e.Kind, e.FromStatus, e.ToStatus, e.ActorUserId, e.ActorName, e.ActorRole, e.Note))));

    private static readonly PerModelQuery<Func<DbContext, Guid, IAsyncEnumerable<RequestDocumentItem>>> DocumentsQuery = new(() =>
        EF.CompileAsyncQuery((DbContext db, Guid requestId) =>
            db.Set<RequestDocument>().AsNoTracking()
                .Where(d => d.RequestId == requestId && d.ReplacedAtUtc == null)
                .Select(d => new RequestDocumentItem(d.Id, d.RequirementKey, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAtUtc))));

    private sealed record Header(
        Guid Id, Guid FormVersionId, string NameId, string NameEn, string Slug, LocalizedText AgencyName, RequestChannel Channel,
        DateTime SubmittedAtUtc, int CorrectionRound, string? DecisionReason, int Version, Dictionary<string, string> Answers, LegalClock Clock);

    private sealed record EventRow(
        DateTime AtUtc, RequestEventKind Kind, RequestStatus? FromStatus, RequestStatus? ToStatus, Guid? ActorUserId, string? ActorName, string? ActorRole, string? Note);

    /// <summary>
    /// A form version never changes once published (a change publishes a new version), so its parsed
    /// definition is shared by every request page that shows it instead of read and parsed each time.
    /// </summary>
    private async Task<FormDefinition> FormAsync(Guid formVersionId, CancellationToken ct)
    {
        var key = ("form-definition", formVersionId);
        if (cache.TryGetValue(key, out FormDefinition? form) && form is not null)
            return form;
        form = await db.ServiceFormVersions.AsNoTracking()
            .Where(f => f.Id == formVersionId)
            .Select(f => f.Definition)
            .SingleAsync(ct);
        return cache.Set(key, form, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
    }

    /// <summary>
    /// The domain records some changes as two events at the same instant (a send-back: status, then
    /// the clock pausing; a resubmission: the clock resuming, then the status). This keeps their order.
    /// </summary>
    private static int SameMomentOrder(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Created => 0,
        RequestEventKind.Assigned or RequestEventKind.StepApproved or RequestEventKind.ClockResumed => 1,
        RequestEventKind.StatusChanged => 2,
        RequestEventKind.ClockPaused => 3,
        _ => 4,
    };

    /// <summary>Flagged items in the order the form asks them: fields first, then documents.</summary>
    private static int OrderInForm(FormDefinition form, OpenCorrectionItem item)
    {
        var fields = form.Fields.Select(f => f.Key).ToList();
        return item.Target == CorrectionTarget.Field
            ? IndexOr(fields.IndexOf(item.Key), 10_000)
            : 20_000 + IndexOr(form.Documents.Select(d => d.Key).ToList().IndexOf(item.Key), 10_000);
    }

    private static int IndexOr(int index, int fallback) => index < 0 ? fallback : index;
}
