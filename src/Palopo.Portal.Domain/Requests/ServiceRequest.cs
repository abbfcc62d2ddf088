using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Requests;

/// <summary>
/// A citizen's request for a service (permohonan). Guards its own lifecycle, keeps its timeline,
/// and runs the legal clock: working days from submission, paused while it waits on the citizen.
/// </summary>
public sealed class ServiceRequest
{
    private readonly List<RequestEvent> _events = [];
    private readonly List<RequestDocument> _documents = [];
    private readonly List<CorrectionItem> _corrections = [];
    private Dictionary<string, string> _answers = [];

    private ServiceRequest() { }

    public static ServiceRequest StartDraft(
        Guid serviceId, Guid agencyId, Guid formVersionId, int serviceDays, Guid? applicantUserId, RequestChannel channel,
        Guid idempotencyKey, Actor by, DateTime nowUtc)
    {
        var request = new ServiceRequest
        {
            Id = Guid.NewGuid(),
            ServiceId = serviceId,
            AgencyId = agencyId,
            FormVersionId = formVersionId,
            ServiceDays = serviceDays,
            ApplicantUserId = applicantUserId,
            Channel = channel,
            IdempotencyKey = idempotencyKey,
            Status = RequestStatus.Draft,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        request.Record(RequestEventKind.Created, by, nowUtc, null, RequestStatus.Draft, null);
        return request;
    }

    public Guid Id { get; private set; }

    /// <summary>PLP-YYYY-NNNNNN, given at submission; null while a draft.</summary>
    public string? ReferenceNumber { get; private set; }

    /// <summary>Short code on the receipt that, with the reference number, opens the public tracking page.</summary>
    public string? TrackingCode { get; private set; }

    public Guid ServiceId { get; private set; }

    /// <summary>The agency that owns the service (copied at filing, so queues need no join).</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>True while an officer has to act (Submitted, InReview, Resubmitted): the queue's index key.</summary>
    public bool AwaitsOfficer { get; private set; }

    public Guid FormVersionId { get; private set; }

    /// <summary>The citizen's account; null for an assisted request not yet claimed.</summary>
    public Guid? ApplicantUserId { get; private set; }

    public RequestChannel Channel { get; private set; }

    public RequestStatus Status { get; private set; }

    /// <summary>Key from the form that started this request: a second submit of the same form finds it instead of making another.</summary>
    public Guid IdempotencyKey { get; private set; }

    /// <summary>Index into the service's workflow steps of the step now being worked.</summary>
    public int CurrentStep { get; private set; }

    public Guid? AssignedOfficerId { get; private set; }

    /// <summary>Service time in working days when the request was submitted.</summary>
    public int ServiceDays { get; private set; }

    public DateOnly? ClockStartedOn { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public DateOnly? ClockPausedOn { get; private set; }

    public int PausedWorkingDays { get; private set; }

    public int CorrectionRound { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Version of the privacy notice the applicant had accepted when submitting (UU PDP consent per request).</summary>
    public string? PrivacyNoticeVersion { get; private set; }

    /// <summary>Optimistic concurrency token; the application increments it on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyDictionary<string, string> Answers => _answers;

    public IReadOnlyList<RequestEvent> Events => _events;

    public IReadOnlyList<RequestDocument> Documents => _documents;

    public IReadOnlyList<CorrectionItem> Corrections => _corrections;

    public IEnumerable<RequestDocument> CurrentDocuments => _documents.Where(d => d.ReplacedAtUtc is null);

    public IEnumerable<CorrectionItem> OpenCorrections => _corrections.Where(c => c.Round == CorrectionRound && c.ResolvedAtUtc is null);

    // ---------- draft ----------

    public void SaveAnswers(IReadOnlyDictionary<string, string> answers, DateTime nowUtc)
    {
        if (Status != RequestStatus.Draft)
            throw new DomainRuleException($"Answers can only be edited freely in a draft; this request is {Status}.");
        _answers = new Dictionary<string, string>(answers);
        Touch(nowUtc);
    }

    public RequestDocument AttachDocument(string requirementKey, string fileName, string storedName, string contentType, long sizeBytes, string sha256, DateTime nowUtc)
    {
        var correctable = Status == RequestStatus.NeedsCorrection && OpenCorrections.Any(c => c.Target == CorrectionTarget.Document && c.TargetKey == requirementKey);
        if (Status != RequestStatus.Draft && !correctable)
            throw new DomainRuleException($"Document '{requirementKey}' cannot be changed while the request is {Status}.");

        foreach (var old in _documents.Where(d => d.RequirementKey == requirementKey && d.ReplacedAtUtc is null))
            old.MarkReplaced(nowUtc);
        var document = new RequestDocument(Id, requirementKey, fileName, storedName, contentType, sizeBytes, sha256, nowUtc);
        _documents.Add(document);
        Touch(nowUtc);
        return document;
    }

    public void RemoveDocument(Guid documentId, DateTime nowUtc)
    {
        if (Status != RequestStatus.Draft)
            throw new DomainRuleException("Documents can only be removed from a draft.");
        var document = _documents.FirstOrDefault(d => d.Id == documentId && d.ReplacedAtUtc is null)
            ?? throw new DomainRuleException("No such document.");
        document.MarkReplaced(nowUtc);
        Touch(nowUtc);
    }

    // ---------- submission ----------

    public void Submit(string referenceNumber, string trackingCode, WorkingCalendar calendar, DateOnly today, Actor by, DateTime nowUtc)
    {
        Move(RequestStatus.Submitted, by, nowUtc, null);
        ReferenceNumber = referenceNumber;
        TrackingCode = trackingCode;
        SubmittedAtUtc = nowUtc;
        ClockStartedOn = today;
        DueOn = calendar.AddWorkingDays(today, ServiceDays);
    }

    /// <summary>Records which privacy notice the applicant accepted for this request (done at submission).</summary>
    public void RecordPrivacyNotice(string version)
    {
        if (string.IsNullOrWhiteSpace(version))
            throw new DomainRuleException("A consent needs the notice's version.");
        PrivacyNoticeVersion = version.Trim();
    }

    /// <summary>An assisted request is taken into the citizen's own account (they prove it with the tracking code).</summary>
    public void ClaimBy(Guid userId, Actor by, DateTime nowUtc)
    {
        if (ApplicantUserId is not null)
            throw new DomainRuleException("This request already belongs to an account.");
        ApplicantUserId = userId;
        Record(RequestEventKind.Note, by, nowUtc, null, null, "Diklaim ke akun pemohon");
        Touch(nowUtc);
    }

    // ---------- processing ----------

    public void Assign(Guid officerId, Actor by, DateTime nowUtc)
    {
        if (!RequestLifecycle.IsOpen(Status))
            throw new DomainRuleException($"A request that is {Status} cannot be assigned.");
        AssignedOfficerId = officerId;
        Record(RequestEventKind.Assigned, by, nowUtc, null, null, null);
        if (Status is RequestStatus.Submitted or RequestStatus.Resubmitted)
            Move(RequestStatus.InReview, by, nowUtc, null);
        else
            Touch(nowUtc);
    }

    /// <summary>Approves the current workflow step; the last step approves the request.</summary>
    public void ApproveStep(int workflowStepCount, Actor by, DateTime nowUtc, string? note)
    {
        if (Status is not (RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.Resubmitted))
            throw new InvalidTransitionException(Status, RequestStatus.Approved);
        Record(RequestEventKind.StepApproved, by, nowUtc, null, null, note);
        if (CurrentStep + 1 >= workflowStepCount)
        {
            Move(RequestStatus.Approved, by, nowUtc, note);
            DecidedAtUtc = nowUtc;
            return;
        }

        CurrentStep++;
        if (Status != RequestStatus.InReview)
            Move(RequestStatus.InReview, by, nowUtc, null);
        else
            Touch(nowUtc);
    }

    public void SendBack(IReadOnlyList<(CorrectionTarget Target, string Key, string Reason)> items, DateOnly today, Actor by, DateTime nowUtc)
    {
        if (items.Count == 0)
            throw new DomainRuleException("Mark at least one field or document to correct.");
        if (items.Any(i => string.IsNullOrWhiteSpace(i.Reason)))
            throw new DomainRuleException("Every marked item needs a reason.");
        Move(RequestStatus.NeedsCorrection, by, nowUtc, null);
        CorrectionRound++;
        foreach (var (target, key, reason) in items)
            _corrections.Add(new CorrectionItem(Id, CorrectionRound, target, key, reason.Trim(), target == CorrectionTarget.Field ? _answers.GetValueOrDefault(key) : null));
        ClockPausedOn = today;
        Record(RequestEventKind.ClockPaused, by, nowUtc, null, null, null);
    }

    /// <summary>The citizen answers a send-back: only flagged fields may change; the clock resumes.</summary>
    public void Resubmit(IReadOnlyDictionary<string, string> correctedAnswers, WorkingCalendar calendar, DateOnly today, Actor by, DateTime nowUtc)
    {
        RequestLifecycle.EnsureCanMove(Status, RequestStatus.Resubmitted);
        var open = OpenCorrections.ToList();
        var flaggedFields = open.Where(c => c.Target == CorrectionTarget.Field).Select(c => c.TargetKey).ToHashSet();
        var notFlagged = correctedAnswers.Keys.Where(k => !flaggedFields.Contains(k)).ToList();
        if (notFlagged.Count > 0)
            throw new DomainRuleException($"Only fields marked for correction can change: {string.Join(", ", notFlagged)}.");

        foreach (var item in open)
        {
            if (item.Target == CorrectionTarget.Field)
            {
                var value = correctedAnswers.GetValueOrDefault(item.TargetKey) ?? _answers.GetValueOrDefault(item.TargetKey) ?? "";
                _answers[item.TargetKey] = value;
                item.Resolve(value, nowUtc);
            }
            else
            {
                var current = CurrentDocuments.FirstOrDefault(d => d.RequirementKey == item.TargetKey);
                item.Resolve(current?.FileName, nowUtc);
            }
        }

        if (ClockPausedOn is { } pausedOn)
        {
            var paused = calendar.WorkingDaysBetween(pausedOn, today);
            PausedWorkingDays += paused;
            DueOn = calendar.AddWorkingDays(DueOn ?? today, paused);
            ClockPausedOn = null;
            Record(RequestEventKind.ClockResumed, by, nowUtc, null, null, null);
        }

        Move(RequestStatus.Resubmitted, by, nowUtc, null);
    }

    public void Reject(string reason, Actor by, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("A rejection needs a reason the citizen can read.");
        Move(RequestStatus.Rejected, by, nowUtc, reason.Trim());
        DecisionReason = reason.Trim();
        DecidedAtUtc = nowUtc;
        ClockPausedOn = null;
    }

    public void Withdraw(string? reason, Actor by, DateTime nowUtc)
    {
        if (Status is not (RequestStatus.Draft or RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.NeedsCorrection or RequestStatus.Resubmitted))
            throw new InvalidTransitionException(Status, RequestStatus.Withdrawn);
        Move(RequestStatus.Withdrawn, by, nowUtc, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ClockPausedOn = null;
    }

    public void MarkIssued(Actor by, DateTime nowUtc) => Move(RequestStatus.Issued, by, nowUtc, null);

    public void AddNote(string text, bool isInternal, Actor by, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainRuleException("A note cannot be empty.");
        Record(isInternal ? RequestEventKind.InternalNote : RequestEventKind.Note, by, nowUtc, null, null, text.Trim());
        Touch(nowUtc);
    }

    // ---------- legal clock ----------

    /// <summary>Working days used so far, not counting days the request waited on the citizen.</summary>
    public int WorkingDaysElapsed(WorkingCalendar calendar, DateOnly today) => LegalClock.Of(this).WorkingDaysElapsed(calendar, today);

    public bool IsClockPaused => ClockPausedOn is not null;

    public bool IsOverdue(DateOnly today) => LegalClock.Of(this).IsOverdue(today);

    // ---------- internals ----------

    private void Move(RequestStatus to, Actor by, DateTime nowUtc, string? note)
    {
        RequestLifecycle.EnsureCanMove(Status, to);
        var from = Status;
        Status = to;
        AwaitsOfficer = to is RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.Resubmitted;
        Record(RequestEventKind.StatusChanged, by, nowUtc, from, to, note);
        Touch(nowUtc);
    }

    private void Record(RequestEventKind kind, Actor by, DateTime nowUtc, RequestStatus? from, RequestStatus? to, string? note) =>
        _events.Add(new RequestEvent(Id, kind, by, nowUtc, from, to, note));

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
