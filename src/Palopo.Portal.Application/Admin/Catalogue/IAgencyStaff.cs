namespace Palopo.Portal.Application.Admin.Catalogue;

/// <summary>The staff accounts of one agency with their roles (Identity lives in Infrastructure).</summary>
public interface IAgencyStaff
{
    /// <returns>Every account whose agency is <paramref name="agencyId"/>, by name, with its staff roles.</returns>
    Task<IReadOnlyList<AgencyStaffMember>> ListAsync(Guid agencyId, CancellationToken ct);
}

public sealed record AgencyStaffMember(Guid UserId, string FullName, IReadOnlyList<string> Roles, bool IsActive);
