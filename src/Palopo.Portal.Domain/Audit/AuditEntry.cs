namespace Palopo.Portal.Domain.Audit;

/// <summary>What an audit entry records. Stored as text, so new actions need no migration.</summary>
public enum AuditAction
{
    SignInSucceeded,
    SignInFailed,
    SignedOut,
    RoleChanged,
    RequestViewed,
    DocumentViewed,
    RequestClaimed,
    RequestAssigned,
    StepApproved,
    RequestSentBack,
    RequestRejected,
    InternalNoteAdded,
    AssistedRequestFiled,
    AssistedRequestClaimed,
    DocumentIssued,
    DocumentRevoked,
    DocumentVerified,
    StaffInvited,
    StaffInvitationAccepted,
    StaffMoved,
    StaffDeactivated,
    StaffReactivated,
    HolidayAdded,
    HolidayRemoved,
    AuditLogExported,
    AgencyCreated,
    AgencyChanged,
    ServiceCreated,
    ServiceChanged,
    ServiceFormPublished,
    ServiceWorkflowChanged,
    ServiceRetired,
    ServiceReinstated,
    RightsRequestFiled,
    RightsRequestAnswered,
    PersonalDataErased,
    BreachRecorded,
    BreachNotified,
    ConsentGiven,
}

/// <summary>
/// One append-only line of the audit trail: who did what to which record, and whose personal
/// data it touched (so the citizen can later see every access to their data).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(
        AuditAction action, DateTime atUtc, Guid? actorUserId, string actorName, Guid? actorAgencyId,
        string subjectType, Guid? subjectId, Guid? dataSubjectUserId, string? reference, string? detail)
    {
        Id = Guid.NewGuid();
        Action = action;
        AtUtc = atUtc;
        ActorUserId = actorUserId;
        ActorName = actorName;
        ActorAgencyId = actorAgencyId;
        SubjectType = subjectType;
        SubjectId = subjectId;
        DataSubjectUserId = dataSubjectUserId;
        Reference = reference;
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail;
    }

    public Guid Id { get; private set; }

    public AuditAction Action { get; private set; }

    public DateTime AtUtc { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public Guid? ActorAgencyId { get; private set; }

    /// <summary>"ServiceRequest", "RequestDocument", "User", …</summary>
    public string SubjectType { get; private set; } = "";

    public Guid? SubjectId { get; private set; }

    /// <summary>The citizen whose personal data was touched, if any.</summary>
    public Guid? DataSubjectUserId { get; private set; }

    /// <summary>A human reference such as the request number, for searching.</summary>
    public string? Reference { get; private set; }

    public string? Detail { get; private set; }
}
