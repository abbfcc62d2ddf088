using Palopo.Portal.Application.Caching;

namespace Palopo.Portal.Application.Catalogue;

/// <summary>
/// Catalogue data is cached on every node (the anonymous catalogue pages, each agency's services
/// for its queue); whoever changes a service, its form or an agency calls this after saving, so
/// no node shows a stale catalogue.
/// </summary>
public interface ICatalogueCache
{
    Task InvalidateAsync(CancellationToken ct);
}

/// <summary>Tells every node through a <see cref="CacheTopics.Catalogue"/> signal (ADR 0015).</summary>
public sealed class SignalledCatalogueCache(ICacheSignals signals) : ICatalogueCache
{
    public Task InvalidateAsync(CancellationToken ct) => signals.PublishAsync(CacheTopics.Catalogue, "", ct);
}
