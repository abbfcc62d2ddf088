using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Admin.Audit;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Admin;

internal sealed class AuditUserLookup(PortalDbContext db) : IAuditUserLookup
{
    public async Task<IReadOnlyList<Guid>> FindAsync(string text, int limit, CancellationToken ct)
    {
        var upper = text.Trim().ToUpperInvariant();
        var lower = text.Trim().ToLowerInvariant();
        return await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)) || u.FullName.ToLower().Contains(lower))
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .Take(limit)
            .ToListAsync(ct);
    }
}
