using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.PersonalData;

/// <summary>
/// A personal-data breach (kegagalan pelindungan data pribadi). UU PDP Pasal 46: the data subjects
/// and the authority are told in writing within 3×24 hours, counted here from discovery.
/// </summary>
public sealed class DataBreach
{
    public const int TextMaxLength = 4000;

    /// <summary>3×24 hours from discovery.</summary>
    public static readonly TimeSpan NotifyWithin = TimeSpan.FromHours(72);

    private readonly List<BreachSubject> _subjects = [];

    private DataBreach() { }

    public static DataBreach Record(
        string title, string dataAffected, string howItHappened, string remedy,
        DateTime occurredAtUtc, DateTime discoveredAtUtc, string recordedBy, DateTime nowUtc)
    {
        if (discoveredAtUtc < occurredAtUtc)
            throw new DomainRuleException("A breach cannot be discovered before it happened.");
        if (discoveredAtUtc > nowUtc.AddMinutes(5))
            throw new DomainRuleException("The discovery cannot lie in the future.");
        return new DataBreach
        {
            Id = Guid.NewGuid(),
            Title = Required(title, 200),
            DataAffected = Required(dataAffected, TextMaxLength),
            HowItHappened = Required(howItHappened, TextMaxLength),
            Remedy = Required(remedy, TextMaxLength),
            OccurredAtUtc = occurredAtUtc,
            DiscoveredAtUtc = discoveredAtUtc,
            NotifyDueAtUtc = discoveredAtUtc + NotifyWithin,
            RecordedBy = recordedBy,
            RecordedAtUtc = nowUtc,
        };
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string DataAffected { get; private set; } = "";

    public string HowItHappened { get; private set; } = "";

    public string Remedy { get; private set; } = "";

    public DateTime OccurredAtUtc { get; private set; }

    public DateTime DiscoveredAtUtc { get; private set; }

    public DateTime NotifyDueAtUtc { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>When the authority (the PDP agency / Kominfo) was told, as recorded by the admin.</summary>
    public DateTime? AuthorityNotifiedAtUtc { get; private set; }

    /// <summary>When the last batch of notices to the affected citizens was queued.</summary>
    public DateTime? SubjectsNotifiedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<BreachSubject> Subjects => _subjects;

    /// <summary>Both duties done.</summary>
    public bool NotificationsDone => AuthorityNotifiedAtUtc is not null && SubjectsNotifiedAtUtc is not null && _subjects.All(s => s.NotifiedAtUtc is not null);

    public TimeSpan TimeLeft(DateTime nowUtc) => NotifyDueAtUtc - nowUtc;

    /// <summary>Adds affected citizens; one already on the list is not added twice.</summary>
    public int AddSubjects(IEnumerable<Guid> userIds, DateTime nowUtc)
    {
        var added = 0;
        foreach (var userId in userIds.Distinct())
        {
            if (_subjects.Any(s => s.UserId == userId))
                continue;
            _subjects.Add(new BreachSubject(Id, userId, nowUtc));
            added++;
        }

        if (added > 0)
            Version++;
        return added;
    }

    public void RecordAuthorityNotified(DateTime atUtc, DateTime nowUtc)
    {
        if (AuthorityNotifiedAtUtc is not null)
            throw new DomainRuleException("The authority's notification is already recorded.");
        if (atUtc < DiscoveredAtUtc || atUtc > nowUtc.AddMinutes(5))
            throw new DomainRuleException("The notification time must lie between discovery and now.");
        AuthorityNotifiedAtUtc = atUtc;
        Version++;
    }

    /// <summary>Marks the not-yet-told subjects as told and returns them: pressing twice tells no one twice.</summary>
    public IReadOnlyList<BreachSubject> TakeSubjectsToNotify(DateTime nowUtc)
    {
        var pending = _subjects.Where(s => s.NotifiedAtUtc is null).ToList();
        foreach (var subject in pending)
            subject.MarkNotified(nowUtc);
        if (pending.Count > 0)
        {
            SubjectsNotifiedAtUtc = nowUtc;
            Version++;
        }

        return pending;
    }

    private static string Required(string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainRuleException("Every part of the breach record is required.");
        value = value.Trim();
        return value.Length > max ? throw new DomainRuleException($"Limited to {max} characters.") : value;
    }
}

/// <summary>One citizen affected by a breach, and when they were told.</summary>
public sealed class BreachSubject
{
    private BreachSubject() { }

    internal BreachSubject(Guid breachId, Guid userId, DateTime addedAtUtc)
    {
        Id = Guid.NewGuid();
        BreachId = breachId;
        UserId = userId;
        AddedAtUtc = addedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid BreachId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    public DateTime? NotifiedAtUtc { get; private set; }

    internal void MarkNotified(DateTime nowUtc) => NotifiedAtUtc = nowUtc;
}
