using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>The person's own account fields for "my data", NIK decrypted (only ever for the person themselves).</summary>
internal sealed class MyDataAccounts(PortalDbContext db, INikProtector nikProtector) : IMyDataAccounts
{
    public async Task<MyDataAccount?> FindAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.FullName, u.Email, u.PhoneNumber, u.NikCipher, u.KelurahanCode, u.CreatedAtUtc,
                u.PrivacyNoticeVersion, u.PrivacyNoticeAcceptedAtUtc,
            })
            .FirstOrDefaultAsync(ct);
        return user is null
            ? null
            : new MyDataAccount(
                userId, user.FullName, user.Email, user.PhoneNumber,
                user.NikCipher is null ? null : nikProtector.Decrypt(user.NikCipher).Value,
                user.KelurahanCode, user.CreatedAtUtc, user.PrivacyNoticeVersion, user.PrivacyNoticeAcceptedAtUtc);
    }
}
