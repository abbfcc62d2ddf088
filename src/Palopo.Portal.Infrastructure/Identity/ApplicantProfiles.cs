using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

internal sealed class ApplicantProfiles(PortalDbContext db, INikProtector nikProtector) : IApplicantProfiles
{
    public async Task<ApplicantProfile?> FindAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.NikCipher, u.PhoneNumber, u.KelurahanCode })
            .FirstOrDefaultAsync(ct);
        return user is null
            ? null
            : new ApplicantProfile(userId, user.FullName, user.NikCipher is null ? null : nikProtector.Decrypt(user.NikCipher).Value, user.PhoneNumber, user.KelurahanCode);
    }
}
