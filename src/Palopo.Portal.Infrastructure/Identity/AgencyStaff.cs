using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Admin.Catalogue;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>An agency's accounts with their roles, for the admin's agency page (names and roles only).</summary>
internal sealed class AgencyStaff(PortalDbContext db) : IAgencyStaff
{
    public async Task<IReadOnlyList<AgencyStaffMember>> ListAsync(Guid agencyId, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.AgencyId == agencyId)
            .Select(u => new { u.Id, u.FullName, u.IsActive })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (
                from ur in db.UserRoles.AsNoTracking()
                join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                where ids.Contains(ur.UserId)
                select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return [.. users
            .Select(u => new AgencyStaffMember(u.Id, u.FullName, [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)], u.IsActive))
            .OrderBy(u => u.FullName, StringComparer.CurrentCulture)];
    }
}
