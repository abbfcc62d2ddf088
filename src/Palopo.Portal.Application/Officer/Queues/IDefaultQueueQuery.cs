namespace Palopo.Portal.Application.Officer.Queues;

/// <summary>
/// The queue as an officer opens it (awaiting an officer, by due date, no other filter), which is
/// most of the queue's traffic: a compiled query (ADR 0014), where the filtered views compose
/// theirs. It joins the accounts' names, so it lives where the accounts are mapped.
/// </summary>
public interface IDefaultQueueQuery
{
    /// <summary>Up to <paramref name="take"/> rows of the agency's default queue, from the start or after <paramref name="after"/>.</summary>
    Task<List<QueueRow>> ReadAsync(Guid agencyId, QueueCursor? after, int take, CancellationToken ct);
}

/// <summary>One request of a queue as the statement returns it, before the calendar and services are applied.</summary>
public sealed class QueueRow
{
    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }

    public Guid ServiceId { get; init; }

    public int CurrentStep { get; init; }

    public Domain.Requests.RequestStatus Status { get; init; }

    public Domain.Requests.RequestChannel Channel { get; init; }

    public DateTime? SubmittedAtUtc { get; init; }

    public DateOnly? DueOn { get; init; }

    public DateOnly? ClockPausedOn { get; init; }

    public Guid? AssignedOfficerId { get; init; }

    public string? ApplicantName { get; init; }

    public string? OfficerName { get; init; }
}
