namespace Palopo.Portal.Application.Caching;

/// <summary>
/// Says that cached data changed: this node's caches drop it at once, the other nodes' within a poll
/// interval (ADR 0015); the signal reaches the database log in the background, so this never waits
/// for it. Call it after the change is committed, never before: a node that reloads between the
/// signal and the commit would cache the old value again.
/// </summary>
public interface ICacheSignals
{
    Task PublishAsync(string topic, string key, CancellationToken ct);
}

/// <summary>The topics, and what their key names.</summary>
public static class CacheTopics
{
    /// <summary>A key that names every entry of its topic.</summary>
    public const string AllKeys = "*";

    /// <summary>Services, their forms and workflows, agencies. Key: unused.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Holidays. Key: unused.</summary>
    public const string Calendar = "calendar";

    /// <summary>One sign-in session ended (sign-out). Key: the session key.</summary>
    public const string Session = "session";

    /// <summary>Every session of one person ended (deactivation, role change, password change). Key: the user id.</summary>
    public const string UserSessions = "user-sessions";

    /// <summary>One person's notifications changed (a new one, or read). Key: the user id.</summary>
    public const string Inbox = "inbox";

    /// <summary>
    /// What an agency's queue shows changed: one of its requests (submitted, moved, assigned, due
    /// date), or a name a queue shows. Key: the agency id, or <see cref="AllKeys"/> for every agency.
    /// </summary>
    public const string Queue = "queue";

    /// <summary>One submitted request changed (any save of it, its timeline and documents included). Key: the request id.</summary>
    public const string Request = "request";
}
