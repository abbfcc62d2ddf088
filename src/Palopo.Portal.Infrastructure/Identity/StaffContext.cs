using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>Reads the current staff member once per request (name and agency come from the database, roles from the sign-in).</summary>
internal sealed class StaffContext(ICurrentUser currentUser, PortalDbContext db) : IStaffContext
{
    /// <summary>On every staff page, hence compiled (ADR 0014).</summary>
    private static readonly PerModelQuery<Func<PortalDbContext, Guid, CancellationToken, Task<StaffRow?>>> ActiveStaff = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, Guid id, CancellationToken ct) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == id && u.IsActive)
                .Select(u => new StaffRow(u.FullName, u.AgencyId))
                .FirstOrDefault()));

    private StaffMember? _cached;
    private bool _loaded;

    public async Task<StaffMember?> CurrentAsync(CancellationToken ct)
    {
        if (_loaded)
            return _cached;
        _loaded = true;
        if (currentUser.Id is not { } id || !Roles.Staff.Any(currentUser.IsInRole))
            return null;
        var user = await ActiveStaff.ForContext(db)(db, id, ct);
        if (user is null)
            return null;
        _cached = new StaffMember(id, user.FullName, user.AgencyId, [.. Roles.All.Where(currentUser.IsInRole)]);
        return _cached;
    }

    private sealed record StaffRow(string FullName, Guid? AgencyId);
}
