using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Palopo.Portal.Application.Common;

namespace Palopo.Portal.Application.Regions;

/// <summary>Reads Palopo's kelurahan for pick lists and validation.</summary>
public sealed class KelurahanDirectory(IPortalDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "kelurahan-directory:list";

    /// <summary>
    /// The 48 kelurahan, sorted. Seeded reference data that no screen edits, yet nearly every form and
    /// request page lists it: read once and kept for ten minutes.
    /// </summary>
    public async Task<IReadOnlyList<KelurahanOption>> ListAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyList<KelurahanOption>? list) && list is not null)
            return list;
        list = await db.Kelurahan.AsNoTracking()
            .OrderBy(k => k.Kecamatan!.Name).ThenBy(k => k.Name)
            .Select(k => new KelurahanOption(k.Code, k.Name, k.Kecamatan!.Name))
            .ToListAsync(ct);
        return cache.Set(CacheKey, list, TimeSpan.FromMinutes(10));
    }

    public Task<bool> ExistsAsync(string? code, CancellationToken ct) =>
        string.IsNullOrEmpty(code)
            ? Task.FromResult(false)
            : db.Kelurahan.AnyAsync(k => k.Code == code, ct);
}
