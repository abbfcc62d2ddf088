using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>Reads the current staff member once per request (name and agency come from the database, roles from the sign-in).</summary>
internal sealed class StaffContext(ICurrentUser currentUser, PortalDbContext db) : IStaffContext
{
    private StaffMember? _cached;
    private bool _loaded;

    public async Task<StaffMember?> CurrentAsync(CancellationToken ct)
    {
        if (_loaded)
            return _cached;
        _loaded = true;
        if (currentUser.Id is not { } id || !Roles.Staff.Any(currentUser.IsInRole))
            return null;
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.IsActive)
            .Select(u => new { u.FullName, u.AgencyId })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return null;
        _cached = new StaffMember(id, user.FullName, user.AgencyId, [.. Roles.All.Where(currentUser.IsInRole)]);
        return _cached;
    }
}
