namespace Palopo.Portal.Domain.Notifications;

/// <summary>
/// An e-mail waiting to be sent. Written in the same transaction as the change it reports, so a
/// message is never lost when the mail server is down; a background worker sends it with retries.
/// Workers on several nodes claim rows with a lease, so no message is sent twice.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 10;

    private OutboxMessage() { }

    public OutboxMessage(string to, string subject, string textBody, string htmlBody, DateTime createdAtUtc)
    {
        Id = Guid.NewGuid();
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The worker holding this message, and until when (a lease: a crashed worker's claim expires).</summary>
    public string? LockedBy { get; private set; }

    public DateTime? LockedUntilUtc { get; private set; }

    public bool GaveUp => SentAtUtc is null && Attempts >= MaxAttempts;

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc = nowUtc;
        LockedBy = null;
        LockedUntilUtc = null;
        LastError = null;
    }

    /// <summary>Exponential back-off: 30 s, 1 min, 2 min … capped at one hour.</summary>
    public void MarkFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        var delay = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Attempts - 1)));
        NextAttemptAtUtc = nowUtc + delay;
        LockedBy = null;
        LockedUntilUtc = null;
    }
}
