using System.ComponentModel.DataAnnotations;

namespace Palopo.Portal.Infrastructure.Notifications;

/// <summary>Settings under "Outbox": the background worker that sends queued e-mail.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Run the worker on this node. Every node may run it: rows are claimed with a lease.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between rounds when the previous round found less than a full batch.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Messages claimed per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim lasts: a node that crashed mid-round frees its messages after this.</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Longest wait for the mail server per message; kept well under the lease.</summary>
    [Range(1, 600)]
    public int SendTimeoutSeconds { get; set; } = 20;

    /// <summary>Name written to LockedBy; empty means machine name, process id and a random suffix.</summary>
    [MaxLength(100)]
    public string? WorkerName { get; set; }

    public bool TimeoutFitsLease => SendTimeoutSeconds * 2 <= LeaseSeconds;
}
