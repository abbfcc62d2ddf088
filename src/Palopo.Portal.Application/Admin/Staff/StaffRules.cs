using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Admin.Staff;

/// <summary>The rules every staff form shares: which roles, and when an agency is needed.</summary>
public static class StaffRules
{
    /// <summary>
    /// The roles as stored: only staff roles, in a fixed order; a supervisor (kepala) is also an
    /// officer of the same agency, as the queues expect.
    /// </summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string>? roles)
    {
        var chosen = (roles ?? []).Where(Roles.IsStaff).ToHashSet(StringComparer.Ordinal);
        if (chosen.Contains(Roles.Supervisor))
            chosen.Add(Roles.Officer);
        return [.. Roles.Staff.Where(chosen.Contains)];
    }

    /// <summary>Officers and supervisors work for one agency; a city-wide admin may have none.</summary>
    public static bool NeedsAgency(IReadOnlyList<string> roles) => roles.Contains(Roles.Officer) || roles.Contains(Roles.Supervisor);

    /// <summary>Adds the errors for roles and agency to <paramref name="errors"/>.</summary>
    public static async Task CheckRolesAndAgencyAsync(
        IPortalDbContext db, IReadOnlyList<string> roles, Guid? agencyId, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (roles.Count == 0)
            errors["Roles"] = "AdminStaff.Error.RolesRequired";
        if (agencyId is { } id)
        {
            if (!await db.Agencies.AnyAsync(a => a.Id == id && a.IsActive, ct))
                errors["AgencyId"] = "AdminStaff.Error.AgencyUnknown";
        }
        else if (NeedsAgency(roles))
        {
            errors["AgencyId"] = "AdminStaff.Error.AgencyRequired";
        }
    }

    public static string Describe(IReadOnlyList<string> roles) => roles.Count == 0 ? "-" : string.Join(", ", roles);
}
