using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

public sealed record RegisterCitizen(
    string FullName, string Email, string PhoneNumber, Nik Nik, string KelurahanCode, string Password,
    string PrivacyNoticeVersion, string Language);

public enum RegistrationOutcome
{
    Created,

    /// <summary>The e-mail or the NIK already has an account. Callers must not say which.</summary>
    DuplicateIdentity,

    /// <summary>Identity refused the password (length, common list).</summary>
    PasswordRejected,
}

public sealed record RegistrationResult(RegistrationOutcome Outcome, PortalUser? User, IReadOnlyList<IdentityError> Errors);

/// <summary>
/// Self-registration of a citizen (warga). Staff accounts never come through here: they are invited.
/// The account and its role are written in one transaction; a NIK can belong to one account only,
/// which the database's unique index on the blind index guarantees even under a race.
/// </summary>
public sealed class CitizenRegistration(UserManager<PortalUser> users, PortalDbContext db, INikProtector nikProtector, TimeProvider clock)
{
    public async Task<RegistrationResult> HandleAsync(RegisterCitizen command, CancellationToken ct)
    {
        var nikHash = nikProtector.BlindIndex(command.Nik);
        var normalizedEmail = users.NormalizeEmail(command.Email);
        if (await db.Users.AnyAsync(u => u.NikHash == nikHash || u.NormalizedEmail == normalizedEmail, ct))
            return new(RegistrationOutcome.DuplicateIdentity, null, []);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new PortalUser
        {
            Id = Guid.NewGuid(),
            UserName = command.Email.Trim(),
            Email = command.Email.Trim(),
            FullName = command.FullName.Trim(),
            PhoneNumber = command.PhoneNumber.Trim(),
            NikHash = nikHash,
            NikCipher = nikProtector.Encrypt(command.Nik),
            KelurahanCode = command.KelurahanCode,
            CreatedAtUtc = now,
            PrivacyNoticeVersion = command.PrivacyNoticeVersion,
            PrivacyNoticeAcceptedAtUtc = now,
            PreferredLanguage = command.Language,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = await users.CreateAsync(user, command.Password);
            if (!created.Succeeded)
            {
                var duplicate = created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
                return new(duplicate ? RegistrationOutcome.DuplicateIdentity : RegistrationOutcome.PasswordRejected, null, [.. created.Errors]);
            }

            var role = await users.AddToRoleAsync(user, Roles.Citizen);
            if (!role.Succeeded)
                throw new InvalidOperationException("Could not give the new account the citizen role.");
            await transaction.CommitAsync(ct);
            return new(RegistrationOutcome.Created, user, []);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same NIK or e-mail a moment ago: the unique index said no.
            return new(RegistrationOutcome.DuplicateIdentity, null, []);
        }
    }
}
