using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;

namespace Palopo.Portal.Application.Regions;

/// <summary>Reads Palopo's kelurahan for pick lists and validation.</summary>
public sealed class KelurahanDirectory(IPortalDbContext db)
{
    public async Task<IReadOnlyList<KelurahanOption>> ListAsync(CancellationToken ct) =>
        await db.Kelurahan.AsNoTracking()
            .OrderBy(k => k.Kecamatan!.Name).ThenBy(k => k.Name)
            .Select(k => new KelurahanOption(k.Code, k.Name, k.Kecamatan!.Name))
            .ToListAsync(ct);

    public Task<bool> ExistsAsync(string? code, CancellationToken ct) =>
        string.IsNullOrEmpty(code)
            ? Task.FromResult(false)
            : db.Kelurahan.AnyAsync(k => k.Code == code, ct);
}
