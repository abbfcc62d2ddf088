namespace Palopo.Portal.Domain.Requests;

/// <summary>The states of a service request (DESIGN.md: request lifecycle).</summary>
public enum RequestStatus
{
    Draft,
    Submitted,
    InReview,
    NeedsCorrection,
    Resubmitted,
    Approved,
    Issued,
    Rejected,
    Withdrawn,
}

public enum RequestChannel
{
    /// <summary>Filed by the citizen on the portal.</summary>
    Online,

    /// <summary>Filed by an officer at a service counter (loket) for a walk-in citizen.</summary>
    Assisted,
}

public enum RequestEventKind
{
    Created,
    StatusChanged,
    StepApproved,
    Assigned,
    ClockPaused,
    ClockResumed,
    Note,
    InternalNote,
}

public enum CorrectionTarget
{
    Field,
    Document,
}
