using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.PersonalData;

/// <summary>The rights a data subject can exercise under UU PDP 27/2022 (Pasal 5–11).</summary>
public enum RightsRequestKind
{
    Access,
    Correction,
    Erasure,
    WithdrawConsent,
    Objection,
}

public enum RightsRequestStatus
{
    Received,
    InProgress,
    Completed,
    Refused,
}

/// <summary>
/// A citizen's request to exercise a data-subject right. The controller (the city) must answer
/// within 3×24 hours (UU PDP Pasal 32 for access, Pasal 30 for correction; we hold every kind to the same clock, see
/// docs/security.md "Data-subject rights"). A refusal needs a reason the citizen can read.
/// </summary>
public sealed class RightsRequest
{
    public const int DetailsMaxLength = 2000;
    public const int ResponseMaxLength = 8000;

    /// <summary>3×24 hours from filing.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(72);

    private RightsRequest() { }

    public static RightsRequest File(Guid userId, RightsRequestKind kind, string details, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("Unknown kind of rights request.");
        if (string.IsNullOrWhiteSpace(details))
            throw new DomainRuleException("Say what you are asking for.");
        details = details.Trim();
        if (details.Length > DetailsMaxLength)
            throw new DomainRuleException($"Details are limited to {DetailsMaxLength} characters.");
        return new RightsRequest
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Kind = kind,
            Details = details,
            Status = RightsRequestStatus.Received,
            FiledAtUtc = nowUtc,
            DueAtUtc = nowUtc + AnswerWithin,
            UpdatedAtUtc = nowUtc,
        };
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public RightsRequestKind Kind { get; private set; }

    public string Details { get; private set; } = "";

    public RightsRequestStatus Status { get; private set; }

    public DateTime FiledAtUtc { get; private set; }

    public DateTime DueAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>What the citizen is told (the answer, the refusal's reason, or the erasure report).</summary>
    public string? Response { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    public string? AnsweredBy { get; private set; }

    /// <summary>When the erasure was carried out (erasure requests only).</summary>
    public DateTime? ErasedAtUtc { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status is RightsRequestStatus.Received or RightsRequestStatus.InProgress;

    /// <summary>Still open after the deadline (a closed request is never overdue).</summary>
    public bool IsOverdueAt(DateTime nowUtc) => IsOpen && nowUtc > DueAtUtc;

    public void StartWork(DateTime nowUtc)
    {
        EnsureOpen();
        Status = RightsRequestStatus.InProgress;
        Touch(nowUtc);
    }

    public void Complete(string response, string by, DateTime nowUtc) => Close(RightsRequestStatus.Completed, response, by, nowUtc);

    public void Refuse(string reason, string by, DateTime nowUtc) => Close(RightsRequestStatus.Refused, reason, by, nowUtc);

    /// <summary>Records that the erasure ran; the report of what was erased and kept becomes the answer.</summary>
    public void RecordErasure(string report, string by, DateTime nowUtc)
    {
        if (Kind != RightsRequestKind.Erasure)
            throw new DomainRuleException("Only an erasure request can erase data.");
        ErasedAtUtc = nowUtc;
        Close(RightsRequestStatus.Completed, report, by, nowUtc);
    }

    private void Close(RightsRequestStatus status, string response, string by, DateTime nowUtc)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(response))
            throw new DomainRuleException(status == RightsRequestStatus.Refused ? "A refusal needs a reason." : "An answer cannot be empty.");
        response = response.Trim();
        if (response.Length > ResponseMaxLength)
            throw new DomainRuleException($"The answer is limited to {ResponseMaxLength} characters.");
        Status = status;
        Response = response;
        AnsweredAtUtc = nowUtc;
        AnsweredBy = by;
        Touch(nowUtc);
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
            throw new DomainRuleException($"This request is already {Status}.");
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
