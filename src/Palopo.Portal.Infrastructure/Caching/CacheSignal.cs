namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// One row of the signal log every node polls (ADR 0015): "what <see cref="Topic"/> and
/// <see cref="Key"/> name has changed". Rows are pruned after a day.
/// </summary>
public sealed class CacheSignal
{
    public const int TopicMaxLength = 32;
    public const int KeyMaxLength = 64;

    public CacheSignal(string topic, string key, DateTime createdUtc)
    {
        Topic = topic;
        Key = key;
        CreatedUtc = createdUtc;
    }

    /// <summary>Ascending: the listener reads everything after the last id it saw.</summary>
    public long Id { get; private set; }

    public string Topic { get; private set; }

    public string Key { get; private set; }

    public DateTime CreatedUtc { get; private set; }
}
