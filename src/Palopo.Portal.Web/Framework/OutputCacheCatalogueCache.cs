using Microsoft.AspNetCore.OutputCaching;
using Palopo.Portal.Application.Catalogue;

namespace Palopo.Portal.Web.Framework;

/// <summary>Forgets every cached catalogue page (see <see cref="CatalogueOutputCache"/>) when the catalogue changes.</summary>
public sealed class OutputCacheCatalogueCache(IOutputCacheStore store) : ICatalogueCache
{
    public Task InvalidateAsync(CancellationToken ct) => store.EvictByTagAsync(CatalogueOutputCache.Tag, ct).AsTask();
}
