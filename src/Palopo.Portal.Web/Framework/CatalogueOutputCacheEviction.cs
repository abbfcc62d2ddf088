using Microsoft.AspNetCore.OutputCaching;
using Palopo.Portal.Application.Caching;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Forgets every cached catalogue page (see <see cref="CatalogueOutputCache"/>) when any node
/// changes the catalogue: subscribes this node's output cache to <see cref="CacheTopics.Catalogue"/>.
/// </summary>
public sealed class CatalogueOutputCacheEviction(CacheSignalBus bus, IOutputCacheStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Subscribe(CacheTopics.Catalogue, (_, ct) => store.EvictByTagAsync(CatalogueOutputCache.Tag, ct));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
