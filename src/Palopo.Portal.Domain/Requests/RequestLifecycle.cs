using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Requests;

/// <summary>Which status may follow which: the single place that knows the request lifecycle.</summary>
public static class RequestLifecycle
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Draft] = [RequestStatus.Submitted, RequestStatus.Withdrawn],
        [RequestStatus.Submitted] = [RequestStatus.InReview, RequestStatus.NeedsCorrection, RequestStatus.Approved, RequestStatus.Rejected, RequestStatus.Withdrawn],
        [RequestStatus.InReview] = [RequestStatus.NeedsCorrection, RequestStatus.Approved, RequestStatus.Rejected, RequestStatus.Withdrawn],
        [RequestStatus.NeedsCorrection] = [RequestStatus.Resubmitted, RequestStatus.Rejected, RequestStatus.Withdrawn],
        [RequestStatus.Resubmitted] = [RequestStatus.InReview, RequestStatus.NeedsCorrection, RequestStatus.Approved, RequestStatus.Rejected, RequestStatus.Withdrawn],
        [RequestStatus.Approved] = [RequestStatus.Issued],
        [RequestStatus.Issued] = [],
        [RequestStatus.Rejected] = [],
        [RequestStatus.Withdrawn] = [],
    };

    public static bool CanMove(RequestStatus from, RequestStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(RequestStatus from, RequestStatus to)
    {
        if (!CanMove(from, to))
            throw new InvalidTransitionException(from, to);
    }

    /// <summary>No decision yet: the citizen may still withdraw, the clock may still run.</summary>
    public static bool IsOpen(RequestStatus status) =>
        status is RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.NeedsCorrection or RequestStatus.Resubmitted;

    public static bool IsFinal(RequestStatus status) =>
        status is RequestStatus.Issued or RequestStatus.Rejected or RequestStatus.Withdrawn;
}

/// <summary>A state change that the lifecycle does not allow. Carries both states so the UI can explain.</summary>
public sealed class InvalidTransitionException(RequestStatus from, RequestStatus to)
    : Exception($"A request that is {from} cannot become {to}.")
{
    public RequestStatus From { get; } = from;

    public RequestStatus To { get; } = to;
}
