namespace Palopo.Portal.Application.Officer.Supervision;

/// <summary>The active officers and supervisors of one agency: who may be given its requests.</summary>
public interface IAgencyOfficers
{
    /// <returns>Active accounts of <paramref name="agencyId"/> with the Officer or Supervisor role, by name. Never citizens, admins or other agencies' staff.</returns>
    Task<IReadOnlyList<AgencyOfficer>> ListAsync(Guid agencyId, CancellationToken ct);
}

/// <summary>An officer as the supervisor's screens show them: name and whether they are kepala.</summary>
public sealed record AgencyOfficer(Guid UserId, string FullName, bool IsSupervisor);
