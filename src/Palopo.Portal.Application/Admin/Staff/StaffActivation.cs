using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Admin.Staff;

/// <summary>
/// Deactivates a staff account (it can no longer sign in and its open sessions end at once) or
/// reactivates it. The last active admin cannot be deactivated, not even by themselves.
/// </summary>
public sealed class StaffActivation(IPortalDbContext db, IStaffAccounts accounts, IUserSessions sessions, AuditTrail audit)
{
    public async Task<StaffResult> DeactivateAsync(Guid userId, StaffMember admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using (var change = await accounts.BeginChangeAsync(ct))
        {
            var current = await accounts.FindAsync(userId, ct);
            if (current is null)
                return StaffResult.Of(StaffOutcome.NotFound);
            if (!current.IsActive)
                return StaffResult.Of(StaffOutcome.Unchanged);
            if (current.Roles.Contains(Roles.Admin) && await accounts.CountActiveAdminsAsync(except: userId, ct) == 0)
                return StaffResult.Of(StaffOutcome.LastAdmin);

            await accounts.SetActiveAsync(userId, false, ct);
            audit.Record(AuditAction.StaffDeactivated, admin, "User", userId, detail: current.Email);
            await db.SaveChangesAsync(ct);
            await change.CommitAsync(ct);
        }

        // After the commit: a session ended for a deactivation that did not happen would only annoy.
        await sessions.EndAllAsync(userId, ct);
        return StaffResult.Done(userId);
    }

    public async Task<StaffResult> ReactivateAsync(Guid userId, StaffMember admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var change = await accounts.BeginChangeAsync(ct);
        var current = await accounts.FindAsync(userId, ct);
        if (current is null)
            return StaffResult.Of(StaffOutcome.NotFound);
        if (current.IsActive)
            return StaffResult.Of(StaffOutcome.Unchanged);

        await accounts.SetActiveAsync(userId, true, ct);
        audit.Record(AuditAction.StaffReactivated, admin, "User", userId, detail: current.Email);
        await db.SaveChangesAsync(ct);
        await change.CommitAsync(ct);
        return StaffResult.Done(userId);
    }
}
