using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// The current staff member: name and agency from the database, roles from the sign-in. The row is
/// kept in memory (<see cref="StaffRowCache"/>) until the person's sessions end on any node, which
/// every change to a staff account does (deactivation, role or agency change, erasure; ADR 0015).
/// </summary>
internal sealed class StaffContext(ICurrentUser currentUser, PortalDbContext db, StaffRowCache rows, TimeProvider clock) : IStaffContext
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
        var user = await rows.Entries.GetOrLoadAsync(id, clock.GetUtcNow().UtcDateTime, StaffRowCache.Lifetime,
            () => ActiveStaff.ForContext(db)(db, id, ct));
        if (user is null)
            return null;

        _cached = new StaffMember(id, user.FullName, user.AgencyId, [.. Roles.All.Where(currentUser.IsInRole)]);
        return _cached;
    }

    internal sealed record StaffRow(string FullName, Guid? AgencyId);
}

/// <summary>Active staff members' names and agencies on this node; dropped when their sessions end on any node.</summary>
internal sealed class StaffRowCache
{
    /// <summary>A safety net only: account changes reach every node through the sessions' signal.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public StaffRowCache(CacheSignalBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        Entries = new(bus, capacity: 10_000);
        Entries.EvictOn(CacheTopics.UserSessions, Guid.TryParse);
    }

    public SignalledCache<Guid, StaffContext.StaffRow?> Entries { get; }
}
