using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>Applicants' contact details from their accounts. Reads only the name, e-mail and language: never the NIK.</summary>
internal sealed class ApplicantDirectory(PortalDbContext db) : IApplicantDirectory
{
    public async Task<ApplicantContact?> FindAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.Email, u.EmailConfirmed, u.PreferredLanguage })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return null;
        return new ApplicantContact(
            userId,
            user.FullName,
            user.EmailConfirmed && !string.IsNullOrWhiteSpace(user.Email) ? user.Email : null,
            user.PreferredLanguage == "en" ? "en" : "id");
    }
}
