namespace Palopo.Portal.Domain.Requests;

/// <summary>One entry of a request's timeline: who, when, what, from/to, note.</summary>
public sealed class RequestEvent
{
    private RequestEvent() { }

    internal RequestEvent(Guid requestId, RequestEventKind kind, Actor by, DateTime atUtc, RequestStatus? from, RequestStatus? to, string? note)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        Kind = kind;
        ActorUserId = by.UserId;
        ActorName = by.Name;
        ActorRole = by.Role;
        AtUtc = atUtc;
        FromStatus = from;
        ToStatus = to;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public RequestEventKind Kind { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string ActorRole { get; private set; } = "";

    public DateTime AtUtc { get; private set; }

    public RequestStatus? FromStatus { get; private set; }

    public RequestStatus? ToStatus { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Internal notes are for staff only; citizens never see them.</summary>
    public bool IsInternal => Kind == RequestEventKind.InternalNote;
}
