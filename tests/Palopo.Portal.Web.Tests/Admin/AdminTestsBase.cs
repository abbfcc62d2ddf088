using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Notifications;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>What the admin screen tests share: signed-in admins and staff, staff accounts made in the database, the audit trail.</summary>
public abstract class AdminTestsBase(PortalFixture portal) : PortalTests(portal)
{
    public const string DemoAdmin = "admin@palopo.test";
    public const string DemoOfficer = "petugas.disdukcapil@palopo.test";
    public const string DemoSupervisor = "kepala.disdukcapil@palopo.test";
    public const string StaffPassword = "kopi toraja di pagi hari";

    protected async Task<PortalClient> SignedInStaffAsync(string email, string password = Citizen.DemoPassword)
    {
        var client = NewClient();
        await SignInWithAuthenticatorAsync(client, email, password, Citizen.DemoStaffAuthenticatorKey);
        return client;
    }

    protected Task<PortalClient> SignedInAdminAsync() => SignedInStaffAsync(DemoAdmin);

    /// <summary>A confirmed, active staff account with the demo authenticator enrolled; returns its e-mail.</summary>
    protected Task<string> CreateStaffAsync(string agencyCode, params string[] roles) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var agencyId = agencyCode.Length == 0 ? (Guid?)null : (await db.Agencies.SingleAsync(a => a.Code == agencyCode)).Id;
            var email = $"staf.{Guid.NewGuid():N}"[..18] + "@palopo.test";
            var user = new PortalUser
            {
                Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true,
                FullName = "Staf Uji " + email[5..11], AgencyId = agencyId, CreatedAtUtc = DateTime.UtcNow,
            };
            Succeeded(await users.CreateAsync(user, StaffPassword));
            Succeeded(await users.AddToRolesAsync(user, roles));
            Succeeded(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", Citizen.DemoStaffAuthenticatorKey));
            Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
            return email;
        });

    protected async Task<Guid> UserIdAsync(string email) => (await FindUserAsync(email))!.Id;

    protected Task<List<AuditEntry>> AuditAsync(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()).ToListAsync());

    /// <summary>Runs one round of the e-mail outbox, so its messages land in <see cref="PortalTests.Mail"/>.</summary>
    protected Task DispatchOutboxAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

    /// <summary>Posts the form of <paramref name="page"/> with <paramref name="action"/>, its fields edited by <paramref name="edit"/> (for repeated names such as checkboxes).</summary>
    protected static Task<HttpResponseMessage> PostFormAsync(PortalClient client, HtmlPage page, string action, Action<List<KeyValuePair<string, string>>> edit)
    {
        var fields = FormFields.Of(page.Form(action));
        edit(fields);
        return client.PostAsync(action, fields);
    }

    protected static void Set(List<KeyValuePair<string, string>> fields, string name, params string[] values)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
    }

    protected static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    /// <summary>
    /// Leaves <paramref name="keep"/> as the only active admins while <paramref name="body"/> runs (the
    /// others, made by other tests, are deactivated in the database), then puts every admin back as it was.
    /// </summary>
    protected async Task WithOnlyTheseAdminsAsync(IReadOnlyList<string> keep, Func<Task> body)
    {
        var others = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var roleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync();
            var admins = await db.Users.Where(u => u.IsActive && !keep.Contains(u.Email!) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId)).ToListAsync();
            admins.ForEach(u => u.IsActive = false);
            await db.SaveChangesAsync();
            return admins.Select(u => u.Id).ToList();
        });
        try
        {
            await body();
        }
        finally
        {
            await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PortalDbContext>();
                var users = sp.GetRequiredService<UserManager<PortalUser>>();
                foreach (var user in await db.Users.Where(u => others.Contains(u.Id) || keep.Contains(u.Email!)).ToListAsync())
                {
                    user.IsActive = true;
                    user.LockoutEnd = null;
                    if (!await users.IsInRoleAsync(user, Roles.Admin))
                        await users.AddToRoleAsync(user, Roles.Admin);
                }

                return await db.SaveChangesAsync();
            });
        }
    }
}
