using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// Creates one account per role so a person can click through the portal in Development.
/// Never enabled in production (the option defaults to off). Idempotent.
/// </summary>
public sealed class DemoAccountSeeder(
    UserManager<PortalUser> users,
    PortalDbContext db,
    INikProtector nikProtector,
    IOptions<DemoAccountsOptions> options,
    IOptions<PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<DemoAccountSeeder> logger)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("warga@palopo.test", "Siti Aminah", [Roles.Citizen], null, "7373014501900001", "73.73.01.1001"),
        new("warga2@palopo.test", "Andi Baso", [Roles.Citizen], null, "7373021203850002", "73.73.02.1002"),
        new("petugas.disdukcapil@palopo.test", "Rahmat Hidayat", [Roles.Officer], "disdukcapil", null, null),
        new("petugas.dpmptsp@palopo.test", "Nurhaeda Said", [Roles.Officer], "dpmptsp", null, null),
        new("kepala.disdukcapil@palopo.test", "Muh. Ilham Syam", [Roles.Officer, Roles.Supervisor], "disdukcapil", null, null),
        new("admin@palopo.test", "Admin Diskominfo", [Roles.Admin], "diskominfo", null, null),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var settings = options.Value;
        foreach (var demo in Accounts)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
                continue;

            var agencyId = demo.AgencyCode is null
                ? (Guid?)null
                : await db.Agencies.Where(a => a.Code == demo.AgencyCode).Select(a => a.Id).SingleAsync(ct);
            var user = new PortalUser
            {
                Id = Guid.NewGuid(),
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                FullName = demo.FullName,
                PhoneNumber = "081234567890",
                AgencyId = agencyId,
                KelurahanCode = demo.KelurahanCode,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            if (demo.Roles.Contains(Roles.Citizen))
            {
                // Demo citizens stand for people who registered, and so accepted the notice in force.
                user.PrivacyNoticeVersion = privacy.Value.NoticeVersion;
                user.PrivacyNoticeAcceptedAtUtc = user.CreatedAtUtc;
            }

            if (demo.Nik is not null)
            {
                var nik = Nik.Parse(demo.Nik);
                user.NikHash = nikProtector.BlindIndex(nik);
                user.NikCipher = nikProtector.Encrypt(nik);
            }

            Ensure(await users.CreateAsync(user, settings.Password), demo.Email);
            Ensure(await users.AddToRolesAsync(user, demo.Roles), demo.Email);
            if (demo.Roles.Any(Roles.IsStaff))
            {
                // Staff must sign in with two factors; the demo secret is in README.
                Ensure(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", settings.StaffAuthenticatorKey), demo.Email);
                Ensure(await users.SetTwoFactorEnabledAsync(user, true), demo.Email);
            }

            logger.LogInformation("Demo account created: {Email}", demo.Email);
        }
    }

    private static void Ensure(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
    }
}

public sealed record DemoAccount(string Email, string FullName, string[] Roles, string? AgencyCode, string? Nik, string? KelurahanCode);
