using Palopo.Portal.Application.Staff;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>Staff accounts for the request use cases: name, agency and roles. Never the NIK.</summary>
internal sealed class StaffDirectory(PortalDbContext db) : IStaffDirectory
{
    public async Task<StaffMember?> FindAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.FullName, u.AgencyId })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return null;
        var roles = await (
                from ur in db.UserRoles
                where ur.UserId == userId
                join r in db.Roles on ur.RoleId equals r.Id
                select r.Name!)
            .ToListAsync(ct);
        return roles.Any(Roles.IsStaff) ? new StaffMember(userId, user.FullName, user.AgencyId, roles) : null;
    }
}
