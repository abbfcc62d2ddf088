using Palopo.Portal.Application.Staff;

namespace Palopo.Portal.Application.Requests;

/// <summary>Civil servants' accounts as the request use cases need them: name, agency and roles.</summary>
public interface IStaffDirectory
{
    /// <returns>Null when there is no such account, it is disabled, or it has no staff role.</returns>
    Task<StaffMember?> FindAsync(Guid userId, CancellationToken ct);
}
