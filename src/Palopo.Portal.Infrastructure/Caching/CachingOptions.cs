using System.ComponentModel.DataAnnotations;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>Settings under "Caching": how this node hears the other nodes' cache signals (ADR 0015).</summary>
public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>
    /// Milliseconds between polls of the signal log: the longest a change made on another node
    /// (a sign-out, a deactivation, a catalogue edit) may go unseen here.
    /// </summary>
    [Range(100, 10_000)]
    public int SignalPollMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Seconds without a successful poll after which this node stops trusting what it cached and reads
    /// everything from the database until it hears the log again.
    /// </summary>
    [Range(1, 300)]
    public int TrustSeconds { get; set; } = 5;
}
