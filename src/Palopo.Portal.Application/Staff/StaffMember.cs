using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Staff;

/// <summary>A signed-in civil servant: who they are, their agency and roles.</summary>
public sealed record StaffMember(Guid UserId, string Name, Guid? AgencyId, IReadOnlyList<string> Roles)
{
    public bool IsSupervisor => Roles.Contains(Domain.Users.Roles.Supervisor);

    public bool IsOfficer => Roles.Contains(Domain.Users.Roles.Officer) || IsSupervisor;

    public bool IsAdmin => Roles.Contains(Domain.Users.Roles.Admin);

    public Actor AsActor() => new(UserId, Name, IsSupervisor ? Domain.Users.Roles.Supervisor : IsOfficer ? Domain.Users.Roles.Officer : Roles.FirstOrDefault() ?? "");
}

/// <summary>The staff member making the current request, or null for citizens and visitors.</summary>
public interface IStaffContext
{
    Task<StaffMember?> CurrentAsync(CancellationToken ct);
}
