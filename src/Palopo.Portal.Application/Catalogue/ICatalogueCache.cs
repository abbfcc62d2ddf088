namespace Palopo.Portal.Application.Catalogue;

/// <summary>
/// The anonymous catalogue pages may be cached; whoever changes a service, its form or an
/// agency calls this so citizens never see a stale catalogue.
/// </summary>
public interface ICatalogueCache
{
    Task InvalidateAsync(CancellationToken ct);
}

/// <summary>Used until a cache exists: there is nothing to invalidate.</summary>
public sealed class NoCatalogueCache : ICatalogueCache
{
    public Task InvalidateAsync(CancellationToken ct) => Task.CompletedTask;
}
