using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Admin.Staff;

public sealed record ChangeStaffCommand(Guid UserId, Guid? AgencyId, IReadOnlyList<string>? Roles);

/// <summary>
/// Changes a staff member's roles and agency. Taking the Admin role from the last active admin is
/// refused, also when admins do it to themselves. The person's sessions end, so the new roles
/// apply at once and not at the next sign-in.
/// </summary>
public sealed class ChangeStaff(IPortalDbContext db, IStaffAccounts accounts, IUserSessions sessions, AuditTrail audit)
{
    public async Task<StaffResult> HandleAsync(ChangeStaffCommand command, StaffMember admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var roles = StaffRules.Normalize(command.Roles);
        var errors = new Dictionary<string, string>();
        await StaffRules.CheckRolesAndAgencyAsync(db, roles, command.AgencyId, errors, ct);
        if (errors.Count > 0)
            return StaffResult.Invalid(errors);

        var result = await ApplyAsync(command, roles, admin, ct);
        // Roles live in the sign-in cookie: end the old sessions so nobody keeps rights taken away.
        if (result.Outcome == StaffOutcome.Done)
            await sessions.EndAllAsync(command.UserId, ct);
        return result;
    }

    private async Task<StaffResult> ApplyAsync(ChangeStaffCommand command, IReadOnlyList<string> roles, StaffMember admin, CancellationToken ct)
    {
        await using var change = await accounts.BeginChangeAsync(ct);
        var current = await accounts.FindAsync(command.UserId, ct);
        if (current is null)
            return StaffResult.Of(StaffOutcome.NotFound);

        var before = StaffRules.Normalize(current.Roles);
        var rolesChanged = !before.SequenceEqual(roles);
        var agencyChanged = current.AgencyId != command.AgencyId;
        if (!rolesChanged && !agencyChanged)
            return StaffResult.Of(StaffOutcome.Unchanged);

        if (rolesChanged && current.IsActive && before.Contains(Roles.Admin) && !roles.Contains(Roles.Admin)
            && await accounts.CountActiveAdminsAsync(except: current.UserId, ct) == 0)
            return StaffResult.Of(StaffOutcome.LastAdmin);

        if (rolesChanged)
        {
            await accounts.SetRolesAsync(current.UserId, roles, ct);
            audit.Record(AuditAction.RoleChanged, admin, "User", current.UserId,
                detail: $"{current.Email}: {StaffRules.Describe(before)} -> {StaffRules.Describe(roles)}");
        }

        if (agencyChanged)
        {
            await accounts.SetAgencyAsync(current.UserId, command.AgencyId, ct);
            audit.Record(AuditAction.StaffMoved, admin, "User", current.UserId,
                detail: $"{current.Email}: agency {current.AgencyId?.ToString() ?? "-"} -> {command.AgencyId?.ToString() ?? "-"}");
        }

        await db.SaveChangesAsync(ct);
        await change.CommitAsync(ct);
        return StaffResult.Done(current.UserId);
    }
}
