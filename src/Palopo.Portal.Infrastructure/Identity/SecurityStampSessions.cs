using Microsoft.AspNetCore.Identity;
using Palopo.Portal.Application.Staff;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// Ends every session of a user by changing the security stamp: cookies issued before are
/// refused at their next validation.
/// </summary>
internal sealed class SecurityStampSessions(UserManager<PortalUser> users) : IUserSessions
{
    public async Task EndAllAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is not null)
            await users.UpdateSecurityStampAsync(user);
    }
}
