using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Domain.Services;

/// <summary>One step of a service's processing (e.g. verifikasi berkas, persetujuan kepala), with the role allowed to act.</summary>
public sealed record WorkflowStep(string Key, LocalizedText Name, string Role)
{
    /// <summary>
    /// The role gate: a supervisor step only for supervisors; an officer step for officers and
    /// for supervisors (a kepala is also an officer of the agency). Nobody else acts on requests.
    /// </summary>
    public bool Permits(IReadOnlyCollection<string> roles) =>
        Role switch
        {
            Roles.Supervisor => roles.Contains(Roles.Supervisor),
            Roles.Officer => roles.Contains(Roles.Officer) || roles.Contains(Roles.Supervisor),
            _ => roles.Contains(Role),
        };
}
