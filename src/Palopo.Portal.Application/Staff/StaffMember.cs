using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Staff;

/// <summary>
/// A civil servant's account as the use cases need it: name, agency and roles.
/// <see cref="AgencyId"/> is null for city-wide admins.
/// </summary>
public sealed record StaffMember(Guid UserId, string Name, Guid? AgencyId, IReadOnlyList<string> Roles)
{
    public string FullName => Name;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsSupervisor => IsInRole(Domain.Users.Roles.Supervisor);

    public bool IsOfficer => IsInRole(Domain.Users.Roles.Officer) || IsSupervisor;

    public bool IsAdmin => IsInRole(Domain.Users.Roles.Admin);

    /// <summary>Officers and supervisors work the requests of their own agency's services only.</summary>
    public bool WorksFor(Guid agencyId) => AgencyId == agencyId && IsOfficer;

    /// <summary>The timeline's snapshot of who acted: a supervisor acts as kepala, everyone else as petugas.</summary>
    public Actor AsActor() =>
        new(UserId, Name, IsSupervisor ? Domain.Users.Roles.Supervisor : IsOfficer ? Domain.Users.Roles.Officer : Roles.FirstOrDefault() ?? "");
}

/// <summary>The staff member making the current request, or null for citizens and visitors.</summary>
public interface IStaffContext
{
    Task<StaffMember?> CurrentAsync(CancellationToken ct);
}
