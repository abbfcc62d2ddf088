using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Requests;

/// <summary>Civil servants' accounts as the request use cases need them: name, agency and roles.</summary>
public interface IStaffDirectory
{
    /// <returns>Null when there is no such account, it is disabled, or it has no staff role.</returns>
    Task<StaffMember?> FindAsync(Guid userId, CancellationToken ct);
}

/// <summary>An active staff account. <see cref="AgencyId"/> is null for city-wide admins.</summary>
public sealed record StaffMember(Guid UserId, string FullName, Guid? AgencyId, IReadOnlyList<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Officers and supervisors work the requests of their own agency's services only.</summary>
    public bool WorksFor(Guid agencyId) =>
        AgencyId == agencyId && (IsInRole(Domain.Users.Roles.Officer) || IsInRole(Domain.Users.Roles.Supervisor));

    /// <summary>The timeline's snapshot of who acted: a supervisor acts as kepala, everyone else as petugas.</summary>
    public Actor AsActor() =>
        new(UserId, FullName, IsInRole(Domain.Users.Roles.Supervisor) ? Domain.Users.Roles.Supervisor : Domain.Users.Roles.Officer);
}
