namespace Palopo.Portal.Domain.Requests;

/// <summary>A field or document an officer marked as wrong, with the reason, and what the citizen changed it to.</summary>
public sealed class CorrectionItem
{
    private CorrectionItem() { }

    internal CorrectionItem(Guid requestId, int round, CorrectionTarget target, string targetKey, string reason, string? previousValue)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        Round = round;
        Target = target;
        TargetKey = targetKey;
        Reason = reason;
        PreviousValue = previousValue;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public int Round { get; private set; }

    public CorrectionTarget Target { get; private set; }

    public string TargetKey { get; private set; } = "";

    public string Reason { get; private set; } = "";

    /// <summary>The answer (or document name) before the correction.</summary>
    public string? PreviousValue { get; private set; }

    public string? NewValue { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    internal void Resolve(string? newValue, DateTime nowUtc)
    {
        NewValue = newValue;
        ResolvedAtUtc = nowUtc;
    }
}
