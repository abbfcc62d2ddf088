using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Admin.Staff;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Testing;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>/admin/petugas: invitations, roles and agency, deactivation, and the last active admin.</summary>
public abstract class StaffAdminTests(PortalFixture portal) : AdminTestsBase(portal)
{
    private const string InviteUrl = "/admin/petugas/undang";
    private const string EnableUrl = "/akun/2fa/aktifkan";

    [PortalFact]
    public async Task Invitation_leads_from_the_mail_to_a_password_to_enrolment_and_the_workspace()
    {
        var admin = await SignedInAdminAsync();
        var email = $"undangan.{Guid.NewGuid():N}"[..20] + "@palopokota.go.id";
        var agencyId = await AgencyIdAsync("disdukcapil");
        var form = await admin.GetPageAsync(InviteUrl);
        var details = await admin.FollowAsync(await PostFormAsync(admin, form, InviteUrl, f =>
        {
            Set(f, "FullName", "Andi Petugas Baru");
            Set(f, "Email", email);
            Set(f, "AgencyId", agencyId.ToString());
            Set(f, "Roles", Roles.Officer);
        }));
        Assert.Equal(T.Id("AdminStaff.Invited", email, 72), details.Notice);
        Assert.Equal(T.Id("AdminStaff.InvitationPending"), details.Text("#staff-invitation"));
        var user = await FindUserAsync(email);
        Assert.NotNull(user);
        Assert.Null(user.PasswordHash);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(agencyId, user.AgencyId);
        Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.StaffInvited && a.SubjectId == user.Id)));

        await DispatchOutboxAsync();
        var mail = await Mail.LatestToAsync(email);
        Assert.Equal(T.Id("Mail.Invite.Subject"), mail.Subject);
        Assert.Contains("72", mail.TextBody, StringComparison.Ordinal);
        var link = mail.Link("/akun/undangan");

        // The invitee chooses a password under the registration rules.
        var invitee = NewClient();
        var accept = await invitee.GetPageAsync(link);
        Assert.Equal(email, accept.FieldValue("Email"));
        var tooShort = await PortalClient.ReadPageAsync(await invitee.SubmitAsync(accept, "/akun/undangan",
            new Dictionary<string, string?> { ["Password"] = "pendek", ["ConfirmPassword"] = "pendek" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Password.TooShort", 15), tooShort.FieldError("Password"));
        Assert.Null((await FindUserAsync(email))!.PasswordHash);
        using (var done = await invitee.SubmitAsync(tooShort, "/akun/undangan",
            new Dictionary<string, string?> { ["Password"] = StaffPassword, ["ConfirmPassword"] = StaffPassword }))
            Redirects.AssertRedirect(done, LoginUrl);
        Assert.True((await FindUserAsync(email))!.EmailConfirmed);

        // The link works once.
        await NewClient().GetPageAsync(link, HttpStatusCode.NotFound);

        // First sign-in: two-factor enrolment before anything else, then the officer workspace.
        using (var login = await PostLoginAsync(invitee, email, StaffPassword))
            Redirects.AssertRedirect(login, EnableUrl);
        using (var blocked = await invitee.GetAsync("/petugas"))
            Assert.Equal(EnableUrl, Redirects.AssertRedirect(blocked));
        var enable = await invitee.GetPageAsync(EnableUrl);
        var key = enable.Text("#shared-key").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await invitee.FollowAsync(await invitee.SubmitAsync(enable, EnableUrl, new Dictionary<string, string?> { ["Code"] = Totp.Code(key) }),
            "/akun/2fa/kode-pemulihan");
        using (var workspace = await invitee.GetAsync("/petugas"))
            Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        var entries = await AuditAsync(q => q.Where(a => a.ActorUserId == user.Id));
        Assert.Contains(entries, a => a.Action == AuditAction.StaffInvitationAccepted);
        Assert.Contains(entries, a => a.Action == AuditAction.SignInSucceeded);
    }

    [PortalFact]
    public async Task A_new_invitation_voids_the_earlier_link()
    {
        var admin = await SignedInAdminAsync();
        var email = $"ulang.{Guid.NewGuid():N}"[..16] + "@palopokota.go.id";
        var form = await admin.GetPageAsync(InviteUrl);
        var details = await admin.FollowAsync(await PostFormAsync(admin, form, InviteUrl, f =>
        {
            Set(f, "FullName", "Admin Kota Baru");
            Set(f, "Email", email);
            Set(f, "Roles", Roles.Admin);
            Set(f, "AgencyId", "");
        }));
        await DispatchOutboxAsync();
        var first = (await Mail.LatestToAsync(email)).Link("/akun/undangan");
        Assert.Null((await FindUserAsync(email))!.AgencyId); // a city-wide admin

        var id = await UserIdAsync(email);
        var resent = await admin.FollowAsync(await admin.SubmitAsync(details, $"/admin/petugas/{id}/undang-ulang"), $"/admin/petugas/{id}");
        Assert.Equal(T.Id("AdminStaff.Resent", 72), resent.Notice);
        await DispatchOutboxAsync();
        Assert.Equal(2, await Mail.CountToAsync(email));
        var second = (await Mail.LatestToAsync(email)).Link("/akun/undangan");

        var invalid = await NewClient().GetPageAsync(first, HttpStatusCode.NotFound);
        Assert.Equal(T.Id("Invite.Invalid"), invalid.Text("#invitation-invalid"));
        await NewClient().GetPageAsync(second);
    }

    [PortalFact]
    public async Task Bad_invitations_are_shown_again_with_their_messages_and_create_nothing()
    {
        var admin = await SignedInAdminAsync();
        var users = await CountUsersAsync();
        var form = await admin.GetPageAsync(InviteUrl);

        var empty = await PortalClient.ReadPageAsync(await PostFormAsync(admin, form, InviteUrl, f =>
        {
            Set(f, "FullName", "  ");
            Set(f, "Email", "bukan-email");
            Set(f, "Roles", Roles.Officer);
            Set(f, "AgencyId", "");
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("AdminStaff.Error.NameRequired"), empty.FieldError("FullName"));
        Assert.Equal(T.Id("AdminStaff.Error.EmailInvalid"), empty.FieldError("Email"));
        Assert.Equal(T.Id("AdminStaff.Error.AgencyRequired"), empty.FieldError("AgencyId"));
        Assert.Equal("bukan-email", empty.FieldValue("Email"));
        Assert.NotEmpty(empty.ErrorSummary);

        var noRole = await PortalClient.ReadPageAsync(await PostFormAsync(admin, form, InviteUrl, f =>
        {
            Set(f, "FullName", "Tanpa Peran");
            Set(f, "Email", "tanpa.peran@palopokota.go.id");
            Set(f, "Roles", "Citizen");
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("AdminStaff.Error.RolesRequired"), noRole.FieldError("Roles"));
        Assert.Equal("Tanpa Peran", noRole.FieldValue("FullName"));

        // An address that already has an account, in any case: a clear message.
        var duplicate = await PortalClient.ReadPageAsync(await PostFormAsync(admin, form, InviteUrl, f =>
        {
            Set(f, "FullName", "Kembar");
            Set(f, "Email", "WARGA@palopo.test");
            Set(f, "Roles", Roles.Admin);
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("AdminStaff.Error.EmailTaken"), duplicate.FieldError("Email"));

        var unknownAgency = await PortalClient.ReadPageAsync(await PostFormAsync(admin, form, InviteUrl, f =>
        {
            Set(f, "FullName", "Instansi Aneh");
            Set(f, "Email", "instansi.aneh@palopokota.go.id");
            Set(f, "Roles", Roles.Officer);
            Set(f, "AgencyId", "bukan-guid");
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("AdminStaff.Error.AgencyUnknown"), unknownAgency.FieldError("AgencyId"));

        Assert.Equal(users, await CountUsersAsync());
        Assert.Empty(await AuditAsync(q => q.Where(a => a.Action == AuditAction.StaffInvited && a.Detail!.Contains("tanpa.peran"))));
    }

    [PortalFact]
    public async Task Roles_and_agency_change_with_before_and_after_in_the_audit_trail()
    {
        var email = await CreateStaffAsync("disdukcapil", Roles.Officer);
        var id = await UserIdAsync(email);
        var admin = await SignedInAdminAsync();
        var url = $"/admin/petugas/{id}";
        var page = await admin.GetPageAsync(url);
        Assert.Equal(email, page.Text("#staff-email"));

        var dpmptsp = await AgencyIdAsync("dpmptsp");
        var changed = await admin.FollowAsync(await PostFormAsync(admin, page, url, f =>
        {
            Set(f, "Roles", Roles.Supervisor); // a supervisor is an officer too
            Set(f, "AgencyId", dpmptsp.ToString());
        }), url);
        Assert.Equal(T.Id("AdminStaff.Changed"), changed.Notice);
        var user = await FindUserAsync(email);
        Assert.Equal(dpmptsp, user!.AgencyId);
        var roleChange = Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.RoleChanged && a.SubjectId == id)));
        Assert.Equal($"{email}: Officer -> Officer, Supervisor", roleChange.Detail);
        Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.StaffMoved && a.SubjectId == id)));

        // No roles, or an officer without agency: the form again, nothing changed.
        var none = await PortalClient.ReadPageAsync(await PostFormAsync(admin, changed, url, f => Set(f, "Roles")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("AdminStaff.Error.RolesRequired"), none.FieldError("Roles"));
        var noAgency = await PortalClient.ReadPageAsync(await PostFormAsync(admin, changed, url, f => Set(f, "AgencyId", "")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("AdminStaff.Error.AgencyRequired"), noAgency.FieldError("AgencyId"));
        Assert.Equal(dpmptsp, (await FindUserAsync(email))!.AgencyId);
        Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.RoleChanged && a.SubjectId == id)));
    }

    [PortalFact]
    public async Task Deactivation_ends_the_open_session_and_refuses_the_next_sign_in_like_a_wrong_password()
    {
        var email = await CreateStaffAsync("disdukcapil", Roles.Officer);
        var id = await UserIdAsync(email);
        var officer = await SignedInStaffAsync(email, StaffPassword);
        await officer.GetPageAsync("/petugas");

        var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync($"/admin/petugas/{id}");
        var done = await admin.FollowAsync(await admin.SubmitAsync(page, $"/admin/petugas/{id}/nonaktifkan"), $"/admin/petugas/{id}");
        Assert.Equal(T.Id("AdminStaff.Deactivated"), done.Notice);
        Assert.Equal(T.Id("AdminStaff.Inactive"), done.Text("#staff-status"));

        // The officer's browser is refused on its very next request.
        using (var next = await officer.GetAsync("/petugas"))
            Assert.StartsWith(LoginUrl, Redirects.AssertRedirect(next), StringComparison.Ordinal);

        // Signing in again: the same message as a wrong password (no hint that the account exists).
        var refused = await PortalClient.ReadPageAsync(await PostLoginAsync(NewClient(), email, StaffPassword));
        Assert.Contains(T.Id("Login.Failed"), refused.ErrorSummary);
        var wrong = await PortalClient.ReadPageAsync(await PostLoginAsync(NewClient(), DemoOfficer, "bukan kata sandi yang benar"));
        Assert.Equal(wrong.ErrorSummary, refused.ErrorSummary);
        Assert.Contains(await AuditAsync(q => q.Where(a => a.Action == AuditAction.SignInFailed && a.ActorUserId == id)), a => a.Detail == "account deactivated");
        Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.StaffDeactivated && a.SubjectId == id)));

        // Reactivated, the officer signs in again with password and authenticator.
        page = await admin.GetPageAsync($"/admin/petugas/{id}");
        await admin.FollowAsync(await admin.SubmitAsync(page, $"/admin/petugas/{id}/aktifkan"), $"/admin/petugas/{id}");
        var again = await SignedInStaffAsync(email, StaffPassword);
        await again.GetPageAsync("/petugas");
    }

    [PortalFact]
    public async Task The_last_active_admin_can_neither_be_deactivated_nor_lose_the_admin_role()
    {
        await WithOnlyTheseAdminsAsync([DemoAdmin], async () =>
        {
            var adminId = await UserIdAsync(DemoAdmin);
            var admin = await SignedInAdminAsync();
            var url = $"/admin/petugas/{adminId}";
            var page = await admin.GetPageAsync(url);

            var refused = await PortalClient.ReadPageAsync(await admin.SubmitAsync(page, $"{url}/nonaktifkan"), HttpStatusCode.UnprocessableEntity);
            Assert.Contains(T.Id("AdminStaff.Error.LastAdmin"), refused.ErrorSummary);
            var demoted = await PortalClient.ReadPageAsync(await PostFormAsync(admin, page, url, f => Set(f, "Roles", Roles.Officer)), HttpStatusCode.UnprocessableEntity);
            Assert.Equal(T.Id("AdminStaff.Error.LastAdmin"), demoted.FieldError("Roles"));

            var user = await FindUserAsync(DemoAdmin);
            Assert.True(user!.IsActive);
            Assert.Contains(Roles.Admin, await InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.PortalUser>>().GetRolesAsync(user)));
            await admin.GetPageAsync("/admin/petugas"); // still signed in, still admin
        });
    }

    [PortalFact]
    public async Task Two_admins_removing_each_other_at_once_leave_one_active_admin()
    {
        var otherEmail = await CreateStaffAsync("", Roles.Admin);
        await WithOnlyTheseAdminsAsync([DemoAdmin, otherEmail], async () =>
        {
            var a = new StaffMember(await UserIdAsync(DemoAdmin), "Admin A", null, [Roles.Admin]);
            var b = new StaffMember(await UserIdAsync(otherEmail), "Admin B", null, [Roles.Admin]);
            using var start = new SemaphoreSlim(0, 2);

            async Task<StaffOutcome> DeactivateAsync(StaffMember by, Guid target)
            {
                await using var scope = App.Services.CreateAsyncScope();
                var activation = scope.ServiceProvider.GetRequiredService<StaffActivation>();
                await start.WaitAsync();
                return (await activation.DeactivateAsync(target, by, CancellationToken.None)).Outcome;
            }

            var first = Task.Run(() => DeactivateAsync(a, b.UserId));
            var second = Task.Run(() => DeactivateAsync(b, a.UserId));
            start.Release(2);
            var outcomes = await Task.WhenAll(first, second);

            Assert.Equal([StaffOutcome.Done, StaffOutcome.LastAdmin], outcomes.Order());
            var active = await InScopeAsync(sp => sp.GetRequiredService<IStaffAccounts>().CountActiveAdminsAsync(null, CancellationToken.None));
            Assert.Equal(1, active);
        });
    }

    [PortalFact]
    public async Task Staff_list_filters_by_agency_role_and_status()
    {
        var officer = await CreateStaffAsync("dpmptsp", Roles.Officer);
        var admin = await SignedInAdminAsync();
        var dpmptsp = await AgencyIdAsync("dpmptsp");

        var list = await admin.GetPageAsync($"/admin/petugas?instansi={dpmptsp}&peran=Officer&status=aktif");
        var emails = list.Document.QuerySelectorAll("#staff tbody tr").Select(r => r.GetAttribute("data-email")).ToList();
        Assert.Contains(officer, emails);
        Assert.Contains("petugas.dpmptsp@palopo.test", emails);
        Assert.DoesNotContain(DemoOfficer, emails);
        Assert.DoesNotContain("warga@palopo.test", emails);

        var inactive = await admin.GetPageAsync($"/admin/petugas?instansi={dpmptsp}&status=nonaktif");
        Assert.DoesNotContain(officer, inactive.Document.QuerySelectorAll("#staff tbody tr").Select(r => r.GetAttribute("data-email")));
        var admins = await admin.GetPageAsync("/admin/petugas?peran=Admin");
        Assert.Contains(DemoAdmin, admins.Document.QuerySelectorAll("#staff tbody tr").Select(r => r.GetAttribute("data-email")));
    }

    private Task<Guid> AgencyIdAsync(string code) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());
}

[Collection(SqlitePortalCollection.Name)]
public sealed class StaffAdminOnSqlite(SqlitePortalFixture portal) : StaffAdminTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class StaffAdminOnPostgreSql(PostgreSqlPortalFixture portal) : StaffAdminTests(portal);
