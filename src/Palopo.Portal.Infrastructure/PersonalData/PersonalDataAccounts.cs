using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.PersonalData;

/// <summary>Account fields for consent, breach selection and erasure, in the scoped context (the caller saves).</summary>
internal sealed class PersonalDataAccounts(PortalDbContext db) : IPersonalDataAccounts
{
    public Task<string?> AcceptedNoticeVersionAsync(Guid userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PrivacyNoticeVersion).FirstOrDefaultAsync(ct);

    public async Task<bool> RecordNoticeAcceptedAsync(Guid userId, string version, DateTime nowUtc, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return false;
        user.PrivacyNoticeVersion = version;
        user.PrivacyNoticeAcceptedAtUtc = nowUtc;
        return true;
    }

    public async Task<IReadOnlyList<Guid>> CitizenIdsByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        var normalized = emails.Select(e => e.Trim().ToUpperInvariant()).Distinct().ToList();
        var citizenRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Citizen).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await (
                from u in db.Users.AsNoTracking()
                where u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail)
                join ur in db.UserRoles on u.Id equals ur.UserId
                where ur.RoleId == citizenRole
                select u.Id)
            .Distinct()
            .ToListAsync(ct);
    }

    public async Task<bool> EraseAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return false;
        var placeholder = $"dihapus-{userId:N}@invalid.palopo";
        user.FullName = "(data dihapus)";
        user.Email = placeholder;
        user.NormalizedEmail = placeholder.ToUpperInvariant();
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.NikCipher = null;
        user.NikHash = null;
        user.KelurahanCode = null;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.IsActive = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        // A new stamp ends every session: cookies issued before are refused at their next validation.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();

        var tokens = await db.UserTokens.Where(t => t.UserId == userId).ToListAsync(ct);
        db.UserTokens.RemoveRange(tokens);
        var logins = await db.UserLogins.Where(l => l.UserId == userId).ToListAsync(ct);
        db.UserLogins.RemoveRange(logins);
        return true;
    }
}
