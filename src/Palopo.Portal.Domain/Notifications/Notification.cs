namespace Palopo.Portal.Domain.Notifications;

public enum NotificationKind
{
    Submitted,
    SentBack,
    Resubmitted,
    Approved,
    Rejected,
    Issued,
    Withdrawn,
    DocumentRevoked,
}

/// <summary>An in-app message to one user (the bell), about one request.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(Guid userId, NotificationKind kind, Guid? requestId, string referenceNumber, DateTime createdAtUtc)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Kind = kind;
        RequestId = requestId;
        ReferenceNumber = referenceNumber;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Guid? RequestId { get; private set; }

    public string ReferenceNumber { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
