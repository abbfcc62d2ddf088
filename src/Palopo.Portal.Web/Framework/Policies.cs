using Microsoft.AspNetCore.Authorization;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Web.Framework;

/// <summary>Named authorisation policies for staff screens.</summary>
public static class Policies
{
    /// <summary>Officers and supervisors of an agency: the /petugas workspace.</summary>
    public const string Officer = "Officer";

    /// <summary>Supervisors (kepala): workload, reassignment, final approvals.</summary>
    public const string Supervisor = "Supervisor";

    public const string Admin = "Admin";

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) =>
        builder
            .AddPolicy(Officer, p => p.RequireRole(Roles.Officer, Roles.Supervisor))
            .AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
}
