using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Officer.Supervision;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>An agency's active officers and supervisors, in one statement (accounts joined to their roles). Names only.</summary>
internal sealed class AgencyOfficers(PortalDbContext db) : IAgencyOfficers
{
    public async Task<IReadOnlyList<AgencyOfficer>> ListAsync(Guid agencyId, CancellationToken ct)
    {
        var rows = await (
                from u in db.Users.AsNoTracking()
                where u.AgencyId == agencyId && u.IsActive
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.Officer || r.Name == Roles.Supervisor
                select new { u.Id, u.FullName, Role = r.Name })
            .ToListAsync(ct);
        return [.. rows
            .GroupBy(r => r.Id)
            .Select(g => new AgencyOfficer(g.Key, g.First().FullName, g.Any(r => r.Role == Roles.Supervisor)))
            .OrderBy(o => o.FullName, StringComparer.CurrentCulture)];
    }
}
