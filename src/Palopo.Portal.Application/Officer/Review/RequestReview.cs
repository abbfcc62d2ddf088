using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Officer.Review;

/// <summary>One timeline entry as staff see it: internal notes included, every actor named.</summary>
public sealed record ReviewTimelineEntry(
    DateTime AtUtc, RequestEventKind Kind, RequestStatus? FromStatus, RequestStatus? ToStatus,
    string ActorName, string ActorRole, bool ByApplicant, string? Note)
{
    public bool IsInternal => Kind == RequestEventKind.InternalNote;
}

/// <summary>An uploaded file of the request (current ones only on the page; the diff may name replaced ones).</summary>
public sealed record ReviewDocument(Guid Id, string RequirementKey, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc)
{
    /// <summary>PDF and images open in the browser; anything else downloads.</summary>
    public bool OpensInline => ReviewFiles.IsInlineType(ContentType);
}

/// <summary>
/// What changed for one item flagged in the last correction round: a field's answer before and
/// after, or a document's file before and after (ids given so the officer can open both).
/// </summary>
public sealed record CorrectionChange(
    CorrectionTarget Target, string Key, string Reason, string? PreviousValue, string? NewValue,
    Guid? PreviousDocumentId = null, Guid? NewDocumentId = null)
{
    public bool Changed => !string.Equals(PreviousValue ?? "", NewValue ?? "", StringComparison.Ordinal) || PreviousDocumentId != NewDocumentId;
}

/// <summary>Everything the officer's review page shows about one request of their agency.</summary>
public sealed record RequestReview(
    Guid Id,
    string ReferenceNumber,
    int Version,
    LocalizedText ServiceName,
    RequestChannel Channel,
    RequestStatus Status,
    IReadOnlyList<WorkflowStep> Workflow,
    int CurrentStep,
    Guid? AssignedOfficerId,
    string? AssignedOfficerName,
    Guid? ApplicantUserId,
    string? ApplicantName,
    string? ApplicantNikMasked,
    DateTime SubmittedAtUtc,
    DateOnly? DueOn,
    int ServiceDays,
    int WorkingDaysElapsed,
    int? WorkingDaysLeft,
    DateOnly? ClockPausedOn,
    bool IsOverdue,
    string? DecisionReason,
    int CorrectionRound,
    FormDefinition Form,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<ReviewTimelineEntry> Timeline,
    IReadOnlyList<ReviewDocument> Documents,
    IReadOnlyList<CorrectionChange> LastRoundChanges)
{
    public bool AwaitsOfficer => Status is RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.Resubmitted;

    public bool IsOpen => RequestLifecycle.IsOpen(Status);

    public bool IsClockPaused => ClockPausedOn is not null;

    /// <summary>The step being worked, while an officer has to act.</summary>
    public WorkflowStep? Step => IsOpen && CurrentStep < Workflow.Count ? Workflow[CurrentStep] : null;

    public bool IsLastStep => CurrentStep + 1 >= Workflow.Count;

    /// <summary>Whether someone with <paramref name="roles"/> may approve the current step (a supervisor step needs a supervisor).</summary>
    public bool MayApprove(IReadOnlyList<string> roles) =>
        AwaitsOfficer && Step is { } step && step.Permits([.. roles]);

    public bool CanSendBack => RequestLifecycle.CanMove(Status, RequestStatus.NeedsCorrection);

    public bool CanReject => RequestLifecycle.CanMove(Status, RequestStatus.Rejected);

    public bool IsAssigned => AssignedOfficerId is not null;

    public static bool IsSupervisorStep(WorkflowStep step) => step.Role == Roles.Supervisor;
}

internal static class ReviewFiles
{
    public static bool IsInlineType(string contentType) =>
        contentType is "application/pdf" or "image/jpeg" or "image/png";
}
